import { Button, Group, Stack, Text } from '@mantine/core';
import { IconEraser } from '@tabler/icons-react';
import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Gender } from '../../../../shared/gendered-text';

interface SignaturePadProps {
  /** PNG data URL of the drawing, or null once cleared. */
  onChange: (dataUrl: string | null) => void;
  error?: string;
  /** The signer's: the instructions address her or him in it. */
  gender: Gender;
}

const maxDataUrl = 290_000; // the API accepts up to 300 000 characters

/** A signature drawn with a finger, a pen or a mouse (pointer events), exported as a PNG data URL. */
export function SignaturePad({ onChange, error, gender }: SignaturePadProps) {
  const { t } = useTranslation();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const dirty = useRef(false);
  const last = useRef<{ x: number; y: number } | null>(null);

  const setup = useCallback(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const ratio = Math.min(window.devicePixelRatio || 1, 2);
    const { width, height } = canvas.getBoundingClientRect();
    canvas.width = Math.max(1, Math.round(width * ratio));
    canvas.height = Math.max(1, Math.round(height * ratio));
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.lineWidth = 2.5;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.strokeStyle = '#1a1b1e';
    dirty.current = false;
  }, []);

  useEffect(() => {
    setup();
    // A rotated phone resizes the pad; the drawing is cleared rather than stretched.
    const onResize = () => {
      if (dirty.current) onChange(null);
      setup();
    };
    window.addEventListener('orientationchange', onResize);
    return () => window.removeEventListener('orientationchange', onResize);
  }, [setup, onChange]);

  const point = (event: React.PointerEvent<HTMLCanvasElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    return { x: event.clientX - rect.left, y: event.clientY - rect.top };
  };

  const exportImage = () => {
    const canvas = canvasRef.current;
    if (!canvas || !dirty.current) return;
    let url = canvas.toDataURL('image/png');
    if (url.length > maxDataUrl) {
      const small = document.createElement('canvas');
      small.width = Math.round(canvas.width / 2);
      small.height = Math.round(canvas.height / 2);
      small.getContext('2d')?.drawImage(canvas, 0, 0, small.width, small.height);
      url = small.toDataURL('image/png');
    }
    onChange(url);
  };

  const start = (event: React.PointerEvent<HTMLCanvasElement>) => {
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    drawing.current = true;
    last.current = point(event);
    const ctx = event.currentTarget.getContext('2d');
    if (ctx && last.current) {
      ctx.beginPath();
      ctx.arc(last.current.x, last.current.y, 1, 0, Math.PI * 2);
      ctx.fillStyle = '#1a1b1e';
      ctx.fill();
    }
  };

  const move = (event: React.PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current || !last.current) return;
    const ctx = event.currentTarget.getContext('2d');
    if (!ctx) return;
    const p = point(event);
    ctx.beginPath();
    ctx.moveTo(last.current.x, last.current.y);
    ctx.lineTo(p.x, p.y);
    ctx.stroke();
    last.current = p;
    dirty.current = true;
  };

  const end = () => {
    if (!drawing.current) return;
    drawing.current = false;
    last.current = null;
    dirty.current = true;
    exportImage();
  };

  const clear = () => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (canvas && ctx) {
      ctx.save();
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      ctx.restore();
    }
    dirty.current = false;
    onChange(null);
  };

  return (
    <Stack gap={6}>
      <canvas
        ref={canvasRef}
        className="wasl-signature-pad"
        data-invalid={error ? true : undefined}
        role="img"
        aria-label={t('beneficiaries.sign.padLabel', { context: gender })}
        onPointerDown={start}
        onPointerMove={move}
        onPointerUp={end}
        onPointerCancel={end}
        onPointerLeave={end}
      />
      <Group justify="space-between" gap="xs">
        <Text size="sm" c={error ? 'red.8' : 'gray.7'} role={error ? 'alert' : undefined}>
          {error ?? t('beneficiaries.sign.padHint', { context: gender })}
        </Text>
        <Button
          variant="subtle"
          size="compact-sm"
          leftSection={<IconEraser size={16} aria-hidden />}
          onClick={clear}
        >
          {t('beneficiaries.sign.clear')}
        </Button>
      </Group>
    </Stack>
  );
}
