import { Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './language-switch';

/** The centred card used by the pages shown before signing in (setup, sign-in). */
export function AuthFrame({
  title,
  subtitle,
  children,
}: {
  title: string;
  subtitle?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Box mih="100vh" bg="gray.0" px="sm" py="lg">
      <Group justify="flex-end" maw={560} mx="auto" mb="sm">
        <LanguageSwitch />
      </Group>
      <Center>
        <Paper
          component="main"
          withBorder
          shadow="sm"
          radius="md"
          p={{ base: 'md', sm: 'xl' }}
          w="100%"
          maw={560}
        >
          <Stack gap={4} mb="lg">
            <Text c="teal.7" fw={700} size="lg">
              {t('app.name')}
            </Text>
            <Title order={1} size="h2">
              {title}
            </Title>
            {subtitle && (
              <Text c="dimmed" size="sm">
                {subtitle}
              </Text>
            )}
          </Stack>
          {children}
        </Paper>
      </Center>
    </Box>
  );
}
