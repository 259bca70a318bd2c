import {
  Alert,
  Button,
  Checkbox,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconSignature } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { PageLoader } from '../../../components/page-loader';
import { ApiError } from '../../../lib/api';
import { beneficiaryKeys, declarationTextQuery, signDeclaration } from '../api';
import { useOrgLists } from '../settings';
import { SignaturePad } from './signature-pad';

interface DeclarationFormProps {
  beneficiaryId: string;
  fullName: string;
  onSigned: () => void;
}

/** الإقرار — the beneficiary pledges the data is correct and signs (policy step 4). */
export function DeclarationForm({ beneficiaryId, fullName, onSigned }: DeclarationFormProps) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const { channelOptions } = useOrgLists();
  const text = useQuery(declarationTextQuery);
  const [method, setMethod] = useState<'drawn' | 'typed'>('drawn');
  const [image, setImage] = useState<string | null>(null);
  const [typedName, setTypedName] = useState('');
  const [agreed, setAgreed] = useState(false);
  const [channel, setChannel] = useState<string | null>(
    channelOptions.find((c) => c.value === 'in_person')?.value ?? channelOptions[0]?.value ?? null,
  );
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});

  const mutation = useMutation({
    mutationFn: () =>
      signDeclaration(beneficiaryId, {
        method,
        textVersion: text.data?.version ?? 0,
        signatureImage: method === 'drawn' ? (image ?? undefined) : undefined,
        typedName: method === 'typed' ? typedName : undefined,
        agreed: true,
        channel: channel ?? '',
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: beneficiaryKeys.detail(beneficiaryId) });
      onSigned();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'DECLARATION_TEXT_OUTDATED') {
        setAgreed(false);
        void text.refetch();
      }
    },
  });

  if (text.isPending) return <PageLoader />;
  if (text.isError) return <ErrorAlert error={text.error} onRetry={() => void text.refetch()} />;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const next = {
      signature:
        method === 'drawn' && !image
          ? t('beneficiaries.sign.drawRequired')
          : method === 'typed' && typedName.trim().length < 2
            ? t('validation.required')
            : undefined,
      agreed: agreed ? undefined : t('beneficiaries.sign.agreeRequired'),
      channel: channel ? undefined : t('validation.required'),
    };
    setErrors(next);
    if (Object.values(next).some(Boolean)) return;
    mutation.mutate();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Paper
          withBorder
          p="md"
          radius="md"
          bg="gray.0"
          component="section"
          aria-labelledby="declaration-text"
        >
          <Text id="declaration-text" fw={700} mb="xs">
            {t('beneficiaries.sign.textTitle', { version: text.data.version })}
          </Text>
          <Text lang="ar" dir="rtl" className="pre-wrap" size="md" lh={1.9}>
            {text.data.bodyAr}
          </Text>
          {i18n.language === 'en' && text.data.bodyEn && (
            <Text lang="en" dir="ltr" className="pre-wrap" size="sm" c="dimmed" mt="sm">
              {text.data.bodyEn}
            </Text>
          )}
        </Paper>
        {mutation.error && <ErrorAlert error={mutation.error} />}
        <Text size="sm">{t('beneficiaries.sign.signer', { name: fullName })}</Text>
        <SegmentedControl
          fullWidth
          value={method}
          onChange={(v) => setMethod(v as 'drawn' | 'typed')}
          aria-label={t('beneficiaries.sign.method')}
          data={[
            { value: 'drawn', label: t('beneficiaries.sign.drawn') },
            { value: 'typed', label: t('beneficiaries.sign.typed') },
          ]}
        />
        {method === 'drawn' ? (
          <SignaturePad onChange={setImage} error={errors.signature} />
        ) : (
          <TextInput
            label={t('beneficiaries.sign.typedName')}
            required
            value={typedName}
            onChange={(e) => setTypedName(e.currentTarget.value)}
            error={errors.signature}
            className="wasl-typed-signature"
          />
        )}
        <Checkbox
          checked={agreed}
          onChange={(e) => setAgreed(e.currentTarget.checked)}
          label={t('beneficiaries.sign.agree')}
          error={errors.agreed}
          size="md"
        />
        <Select
          label={t('beneficiaries.fields.channel')}
          required
          data={channelOptions}
          value={channel}
          onChange={setChannel}
          error={errors.channel}
        />
        {!agreed && errors.agreed === undefined && (
          <Alert color="gray" variant="light" p="xs">
            <Text size="xs">{t('beneficiaries.sign.agreeHint')}</Text>
          </Alert>
        )}
        <Button
          type="submit"
          size="md"
          fullWidth
          loading={mutation.isPending}
          leftSection={<IconSignature aria-hidden />}
        >
          {t('beneficiaries.sign.submit')}
        </Button>
      </Stack>
    </form>
  );
}
