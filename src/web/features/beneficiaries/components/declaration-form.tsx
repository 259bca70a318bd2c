import { Alert, Button, Checkbox, Paper, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { IconSignature } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Gender } from '../../../../shared/gendered-text';
import { genderedText } from '../../../../shared/gendered-text';
import { ErrorAlert } from '../../../components/error-alert';
import { PageLoader } from '../../../components/page-loader';
import { ApiError } from '../../../lib/api';
import { revealFirstInvalid } from '../../../lib/forms';
import { beneficiaryKeys, declarationTextQuery, signDeclaration } from '../api';
import { SignaturePad } from './signature-pad';

interface DeclarationFormProps {
  beneficiaryId: string;
  fullName: string;
  /** The signer's: the declaration and every instruction address her or him in it. */
  gender: Gender;
  /** Chosen by staff before handing the device over; never asked of the beneficiary. */
  channel: string;
  onSigned: () => void;
}

/** الإقرار — the beneficiary pledges the data is correct and signs (policy step 4). */
export function DeclarationForm({
  beneficiaryId,
  fullName,
  gender,
  channel,
  onSigned,
}: DeclarationFormProps) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const text = useQuery(declarationTextQuery);
  const [method, setMethod] = useState<'drawn' | 'typed'>('drawn');
  const [image, setImage] = useState<string | null>(null);
  const [typedName, setTypedName] = useState('');
  const [agreed, setAgreed] = useState(false);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  // Stable: the pad sets itself up again (and clears) when its onChange changes. A message stays only
  // while it is true.
  const onDrawn = useCallback((drawn: string | null) => {
    setImage(drawn);
    if (drawn) setErrors((e) => ({ ...e, signature: undefined }));
  }, []);

  const mutation = useMutation({
    mutationFn: () =>
      signDeclaration(beneficiaryId, {
        method,
        textVersion: text.data?.version ?? 0,
        signatureImage: method === 'drawn' ? (image ?? undefined) : undefined,
        typedName: method === 'typed' ? typedName : undefined,
        agreed: true,
        channel,
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
          ? t('beneficiaries.sign.drawRequired', { context: gender })
          : method === 'typed' && typedName.trim().length < 2
            ? t('beneficiaries.sign.typedRequired', { context: gender })
            : undefined,
      agreed: agreed ? undefined : t('beneficiaries.sign.agreeRequired'),
    };
    setErrors(next);
    if (Object.values(next).some(Boolean)) {
      revealFirstInvalid(formRef.current);
      return;
    }
    mutation.mutate();
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="wasl-form">
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
          <Text lang="ar" dir="rtl" className="pre-wrap" size="md" lh={1.9} data-testid="declaration-body">
            {genderedText(text.data.bodyAr, gender)}
          </Text>
          {i18n.language === 'en' && text.data.bodyEn && (
            <Text lang="en" dir="ltr" className="pre-wrap" size="sm" c="gray.7" mt="sm">
              {genderedText(text.data.bodyEn, gender)}
            </Text>
          )}
        </Paper>
        {mutation.error && <ErrorAlert error={mutation.error} />}
        <Text size="md" fw={600}>
          {t('beneficiaries.sign.signer', { name: fullName, context: gender })}
        </Text>
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
          <SignaturePad onChange={onDrawn} error={errors.signature} gender={gender} />
        ) : (
          <TextInput
            label={t('beneficiaries.sign.typedName', { context: gender })}
            required
            value={typedName}
            onChange={(e) => {
              setTypedName(e.currentTarget.value);
              if (e.currentTarget.value.trim().length >= 2)
                setErrors((x) => ({ ...x, signature: undefined }));
            }}
            error={errors.signature}
            className="wasl-typed-signature"
          />
        )}
        <Checkbox
          checked={agreed}
          onChange={(e) => {
            setAgreed(e.currentTarget.checked);
            if (e.currentTarget.checked) setErrors((x) => ({ ...x, agreed: undefined }));
          }}
          label={t('beneficiaries.sign.agree')}
          error={errors.agreed}
          aria-invalid={errors.agreed ? true : undefined}
          size="md"
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
