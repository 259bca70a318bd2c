import { Anchor, Button, FileButton, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconUpload } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PolicyDetail, PolicyVersion } from '../../../../shared/contracts/policies';
import { ErrorAlert } from '../../../components/error-alert';
import { useCan } from '../../../lib/session';
import { minutesUrl, policyKeys, uploadPolicyMinutes } from '../api';

const accepted = 'application/pdf,image/jpeg,image/png,image/webp';

/**
 * The board's minutes approving a version, as a file: a download for everyone who reads the policies,
 * and — once the version is approved — an upload (or a replacement) for whoever records approvals.
 */
export function MinutesFile({ policy, version }: { policy: PolicyDetail; version: PolicyVersion }) {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (file: File) => uploadPolicyMinutes(policy.id, version.id, file),
    onSuccess: (saved) => {
      queryClient.setQueryData(policyKeys.one(policy.id), saved);
      notifications.show({ color: 'teal', message: t('policies.minutes.uploaded') });
    },
  });
  const mayUpload =
    can('policies.approve') && (version.status === 'approved' || version.status === 'published');
  if (!version.minutes && !mayUpload) return null;
  const number = version.number;
  return (
    <Stack gap={4} mt={4}>
      <Group gap="xs" wrap="wrap">
        {version.minutes ? (
          <Anchor
            size="sm"
            href={minutesUrl(policy.id, version.id)}
            download={version.minutes.fileName}
            aria-label={t('policies.minutes.downloadLabel', { number })}
          >
            <Group gap={4} component="span" wrap="nowrap">
              <IconDownload size={16} aria-hidden />
              {t('policies.minutes.download')}
            </Group>
          </Anchor>
        ) : (
          <Text size="xs" c="gray.7">
            {t('policies.minutes.none')}
          </Text>
        )}
        {mayUpload && (
          <FileButton onChange={(file) => file && mutation.mutate(file)} accept={accepted}>
            {(props) => (
              <Button
                {...props}
                size="compact-sm"
                variant="light"
                loading={mutation.isPending}
                leftSection={<IconUpload size={14} aria-hidden />}
                aria-label={t(
                  version.minutes ? 'policies.minutes.replaceLabel' : 'policies.minutes.attachLabel',
                  {
                    number,
                  },
                )}
              >
                {t(version.minutes ? 'policies.minutes.replace' : 'policies.minutes.attach')}
              </Button>
            )}
          </FileButton>
        )}
      </Group>
      {mayUpload && (
        <Text size="xs" c="gray.7">
          {t('policies.minutes.hint')}
        </Text>
      )}
      {mutation.error && <ErrorAlert error={mutation.error} />}
    </Stack>
  );
}
