'use client';
/**
 * The focal point: the editor clicks the image where the subject is; the server redoes every crop around it.
 * Keyboard users move the point with the arrow keys and confirm with Enter.
 */
import { useState, useTransition, type KeyboardEvent, type MouseEvent } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { setFocalAction } from '@/app/newsroom/actions/media';

export function FocalPoint({ id, src, width, height, x, y, label }: { id: number; src: string; width: number; height: number; x: number; y: number; label: string }) {
  const t = useTranslations('newsroom.media');
  const router = useRouter();
  const [point, setPoint] = useState({ x, y });
  const [status, setStatus] = useState<string | null>(null);
  const [pending, start] = useTransition();

  const save = (p: { x: number; y: number }) =>
    start(async () => {
      const outcome = await setFocalAction(id, Math.round(p.x * 1000) / 1000, Math.round(p.y * 1000) / 1000);
      setStatus(outcome.ok ? t('edit.focalSaved') : outcome.error);
      router.refresh();
    });

  const onClick = (e: MouseEvent<HTMLButtonElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const p = { x: Math.min(1, Math.max(0, (e.clientX - box.left) / box.width)), y: Math.min(1, Math.max(0, (e.clientY - box.top) / box.height)) };
    setPoint(p);
    save(p);
  };
  const onKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    const step = 0.05;
    const move: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    const d = move[e.key];
    if (!d) return;
    e.preventDefault();
    setPoint((p) => ({ x: Math.min(1, Math.max(0, p.x + d[0])), y: Math.min(1, Math.max(0, p.y + d[1])) }));
  };

  return (
    <div className="nr-focal">
      <p id={`focal-help-${id}`}>{t('edit.focal')}</p>
      <button
        type="button"
        className="nr-focal-target"
        onClick={onClick}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            save(point);
          } else onKey(e);
        }}
        aria-describedby={`focal-help-${id}`}
        aria-label={label}
        disabled={pending}
      >
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img src={src} alt="" width={width} height={height} />
        <span className="nr-focal-mark" style={{ left: `${point.x * 100}%`, top: `${point.y * 100}%` }} aria-hidden="true" />
      </button>
      <p role="status">{status}</p>
    </div>
  );
}
