import { Anchor, Text } from '@mantine/core';
import { type ReactNode, useId, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Long text cut to a few lines with a "show more" button (aria-expanded, aria-controls). Unlike
 * Mantine's Spoiler it adds no unnamed role="region" per item: a list of messages would otherwise be
 * a list of identical landmarks.
 */
export function ExpandableText({ children, lines = 4 }: { children: ReactNode; lines?: number }) {
  const { t } = useTranslation();
  const id = useId();
  const ref = useRef<HTMLParagraphElement>(null);
  const [open, setOpen] = useState(false);
  const [cut, setCut] = useState(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: measure again when the text changes
  useLayoutEffect(() => {
    const el = ref.current;
    if (el && !open) setCut(el.scrollHeight > el.clientHeight + 1);
  }, [children, open]);

  return (
    <>
      <Text ref={ref} id={id} size="sm" className="pre-wrap" lineClamp={open ? undefined : lines}>
        {children}
      </Text>
      {(cut || open) && (
        <Anchor
          component="button"
          type="button"
          size="sm"
          aria-expanded={open}
          aria-controls={id}
          onClick={() => setOpen(!open)}
        >
          {open ? t('common.showLess') : t('common.showMore')}
        </Anchor>
      )}
    </>
  );
}
