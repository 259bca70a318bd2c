import {
  Alert,
  Button,
  Checkbox,
  Group,
  List,
  Modal,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { localDate } from '../../../../shared/calendar';
import type { ServiceRequest, TransitionInput } from '../../../../shared/contracts/requests';
import { actionsRequiringNote, type RequestAction } from '../../../../shared/requests/request-machine';
import { ErrorAlert } from '../../../components/error-alert';
import { LinesEditor } from '../../../components/lines-editor';
import { i18n } from '../../../i18n';
import { ApiError } from '../../../lib/api';
import { applyApiFieldErrors, formResolver } from '../../../lib/forms';
import { useMe } from '../../../lib/session';
import { requestKeys, serviceQuery, transitionRequest } from '../api';
import { useRequestLabels } from '../labels';

interface ActionForm {
  note: string;
  missingItems: string[];
  checklist: string[];
  delivery: { deliveredOn: string; description: string; quantity: number | null; amount: number | null };
}

/** What each action needs before it is sent; the server checks the same again. */
function actionSchema(action: RequestAction, checklistItems: readonly string[]) {
  const t = i18n.t.bind(i18n);
  return z
    .object({
      note: z.string().max(2000),
      missingItems: z.array(z.string().max(200)).max(20),
      checklist: z.array(z.string()),
      delivery: z.object({
        deliveredOn: z.string(),
        description: z.string().max(500),
        quantity: z.number().min(0).nullable(),
        amount: z.number().min(0).nullable(),
      }),
    })
    .superRefine((v, ctx) => {
      const items = v.missingItems.filter((line) => line.trim());
      // A request for information is told to the beneficiary: its listed items may stand in for a note.
      const noteOptional = action === 'request_info' && items.length > 0;
      if (actionsRequiringNote.includes(action) && !noteOptional && v.note.trim().length < 2) {
        ctx.addIssue({ code: 'custom', path: ['note'], message: t('requests.actionForm.noteRequired') });
      }
      if (action === 'request_info' && items.some((line) => line.trim().length < 2)) {
        ctx.addIssue({
          code: 'custom',
          path: ['missingItems'],
          message: t('validation.minLength', { count: 2 }),
        });
      }
      if (action === 'complete_registration' && checklistItems.some((item) => !v.checklist.includes(item))) {
        ctx.addIssue({ code: 'custom', path: ['checklist'], message: t('requests.actionForm.checklistAll') });
      }
      if (action === 'deliver') {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(v.delivery.deliveredOn)) {
          ctx.addIssue({
            code: 'custom',
            path: ['delivery', 'deliveredOn'],
            message: t('validation.required'),
          });
        }
        if (v.delivery.description.trim().length < 2) {
          ctx.addIssue({
            code: 'custom',
            path: ['delivery', 'description'],
            message: t('validation.required'),
          });
        }
      }
    });
}

function toInput(action: RequestAction, v: ActionForm): TransitionInput {
  const input: TransitionInput = { action };
  if (v.note.trim()) input.note = v.note.trim();
  if (action === 'request_info') {
    const items = v.missingItems.map((line) => line.trim()).filter(Boolean);
    if (items.length) input.missingItems = items;
  }
  if (action === 'complete_registration') input.checklist = v.checklist;
  if (action === 'deliver') {
    input.delivery = {
      deliveredOn: v.delivery.deliveredOn,
      description: v.delivery.description.trim(),
      ...(v.delivery.quantity !== null ? { quantity: v.delivery.quantity } : {}),
      ...(v.delivery.amount !== null ? { amount: v.delivery.amount } : {}),
    };
  }
  return input;
}

const dangerous: readonly RequestAction[] = ['reject', 'withdraw'];

interface ActionModalProps {
  request: ServiceRequest;
  action: RequestAction | null;
  onClose: () => void;
}

export function ActionModal({ request, action, onClose }: ActionModalProps) {
  const labels = useRequestLabels();
  return (
    <Modal opened={action !== null} onClose={onClose} title={action ? labels.action(action) : ''} size="lg">
      {action && <ActionFormBody key={action} request={request} action={action} onClose={onClose} />}
    </Modal>
  );
}

function ActionFormBody({
  request,
  action,
  onClose,
}: {
  request: ServiceRequest;
  action: RequestAction;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  // Registration is completed against the service's own checklist, read before the form is built.
  const service = useQuery({
    ...serviceQuery(request.serviceId),
    enabled: action === 'complete_registration',
  });
  if (action !== 'complete_registration') {
    return <ActionFormFields request={request} action={action} checklistItems={[]} onClose={onClose} />;
  }
  if (service.isPending) return <Text size="sm">{t('common.loading')}</Text>;
  if (service.isError) return <ErrorAlert error={service.error} onRetry={() => void service.refetch()} />;
  return (
    <ActionFormFields
      request={request}
      action={action}
      checklistItems={service.data.registrationChecklist}
      onClose={onClose}
    />
  );
}

function ActionFormFields({
  request,
  action,
  checklistItems,
  onClose,
}: {
  request: ServiceRequest;
  action: RequestAction;
  checklistItems: readonly string[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const labels = useRequestLabels();
  const me = useMe();
  const queryClient = useQueryClient();
  const timeZone = me?.organization.settings.timeZone ?? 'Asia/Riyadh';

  const form = useForm<ActionForm>({
    resolver: formResolver<ActionForm>(actionSchema(action, checklistItems)),
    defaultValues: {
      note: '',
      missingItems: action === 'request_info' ? [''] : [],
      checklist: [],
      delivery: {
        deliveredOn: localDate(new Date(), timeZone),
        description: '',
        quantity: null,
        amount: null,
      },
    },
  });
  const { errors } = form.formState;

  const mutation = useMutation({
    mutationFn: (values: ActionForm) => transitionRequest(request.id, toInput(action, values)),
    onSuccess: async (saved) => {
      queryClient.setQueryData(requestKeys.detail(request.id), saved);
      await queryClient.invalidateQueries({ queryKey: requestKeys.all });
      notifications.show({
        color: 'teal',
        message: t('requests.actionForm.done', {
          action: labels.action(action),
          status: labels.status(saved.status),
        }),
      });
      onClose();
    },
    onError: (error) => {
      applyApiFieldErrors(error, form.setError, ['note', 'missingItems', 'checklist', 'delivery']);
    },
  });
  const noteRequired = actionsRequiringNote.includes(action) && action !== 'request_info';

  return (
    <form onSubmit={form.handleSubmit((values) => mutation.mutate(values))} noValidate>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t(`requests.actionHelp.${action}`, { body: labels.body, defaultValue: '' })}
        </Text>
        {mutation.error && <TransitionError error={mutation.error} />}

        {action === 'request_info' && (
          <Controller
            control={form.control}
            name="missingItems"
            render={({ field, fieldState }) => (
              <LinesEditor
                label={t('requests.actionForm.missingItems')}
                description={t('requests.actionForm.missingItemsHint')}
                value={field.value}
                onChange={field.onChange}
                addLabel={t('requests.actionForm.addMissingItem')}
                lineLabel={(n) => t('requests.actionForm.missingItemLine', { n })}
                removeLabel={(n) => t('requests.actionForm.removeMissingItem', { n })}
                error={fieldState.error?.message}
              />
            )}
          />
        )}

        {action === 'complete_registration' &&
          (checklistItems.length === 0 ? (
            <Text size="sm">{t('requests.actionForm.noChecklist')}</Text>
          ) : (
            <Controller
              control={form.control}
              name="checklist"
              render={({ field, fieldState }) => (
                <Checkbox.Group
                  label={t('requests.actionForm.checklist')}
                  description={t('requests.actionForm.checklistHint')}
                  value={field.value}
                  onChange={field.onChange}
                  error={fieldState.error?.message}
                  required
                >
                  <Stack gap="xs" mt="xs">
                    {checklistItems.map((item) => (
                      <Checkbox key={item} value={item} label={item} />
                    ))}
                  </Stack>
                </Checkbox.Group>
              )}
            />
          ))}

        {action === 'deliver' && (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                type="date"
                label={t('requests.actionForm.deliveredOn')}
                required
                {...form.register('delivery.deliveredOn')}
                error={errors.delivery?.deliveredOn?.message}
              />
              <Controller
                control={form.control}
                name="delivery.quantity"
                render={({ field, fieldState }) => (
                  <NumberInput
                    label={t('requests.actionForm.quantity')}
                    min={0}
                    value={field.value ?? ''}
                    onChange={(v) => field.onChange(typeof v === 'number' ? v : null)}
                    error={fieldState.error?.message}
                  />
                )}
              />
            </SimpleGrid>
            <TextInput
              label={t('requests.actionForm.deliveryDescription')}
              description={t('requests.actionForm.deliveryDescriptionHint')}
              required
              {...form.register('delivery.description')}
              error={errors.delivery?.description?.message}
            />
            <Controller
              control={form.control}
              name="delivery.amount"
              render={({ field, fieldState }) => (
                <NumberInput
                  label={t('requests.actionForm.amount')}
                  min={0}
                  thousandSeparator=","
                  rightSection={<Text size="xs">{t('requests.currency')}</Text>}
                  rightSectionWidth={48}
                  value={field.value ?? ''}
                  onChange={(v) => field.onChange(typeof v === 'number' ? v : null)}
                  error={fieldState.error?.message}
                  maw={260}
                />
              )}
            />
          </>
        )}

        <Textarea
          label={noteRequired ? t('requests.actionForm.reason') : t('requests.actionForm.note')}
          description={
            action === 'request_info'
              ? t('requests.actionForm.noteOrItems')
              : noteRequired
                ? t('requests.actionForm.reasonHint')
                : undefined
          }
          required={noteRequired}
          autosize
          minRows={3}
          {...form.register('note')}
          error={errors.note?.message}
        />

        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            type="submit"
            loading={mutation.isPending}
            color={dangerous.includes(action) ? 'red' : undefined}
          >
            {labels.action(action)}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The API's message, with the items it names (incomplete verification steps, unchecked items). */
function TransitionError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!(error instanceof ApiError)) return <ErrorAlert error={error} />;
  const d = error.details ?? {};
  const items =
    error.code === 'VERIFICATION_INCOMPLETE' && Array.isArray(d.incomplete)
      ? (d.incomplete as string[]).map((m) => t(`requests.mechanisms.${m}`, { defaultValue: m }))
      : error.code === 'CHECKLIST_INCOMPLETE' && Array.isArray(d.missing)
        ? (d.missing as string[])
        : [];
  return (
    <Alert color="red" variant="light" title={t('common.errorTitle')} role="alert">
      <Text size="sm">{error.message}</Text>
      {items.length > 0 && (
        <List size="sm" mt={4} withPadding>
          {items.map((item) => (
            <List.Item key={item}>{item}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
