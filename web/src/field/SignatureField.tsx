import { useEffect, useRef } from 'react';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import SignaturePad from 'signature_pad';

/** An on-screen signature (signature_pad): mouse, pen or finger; the PNG goes out through `onChange`. */
export function SignatureField({ testId, label, onChange }: { testId: string; label: string; onChange: (png: Blob | null) => void }) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const pad = useRef<SignaturePad | null>(null);
  const changed = useRef(onChange);
  changed.current = onChange;

  useEffect(() => {
    const el = canvas.current!;
    const ratio = Math.max(window.devicePixelRatio || 1, 1);
    el.width = el.offsetWidth * ratio;
    el.height = el.offsetHeight * ratio;
    el.getContext('2d')!.scale(ratio, ratio);
    const p = new SignaturePad(el, { backgroundColor: 'rgb(255,255,255)' });
    p.addEventListener('endStroke', () => {
      el.toBlob((b) => changed.current(p.isEmpty() ? null : b), 'image/png');
    });
    pad.current = p;
    return () => p.off();
  }, []);

  return (
    <div style={{ marginBottom: 12 }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
        <span>{label}</span>
        <Button size="small" onClick={() => { pad.current?.clear(); changed.current(null); }}>{t('field.form.clear')}</Button>
      </div>
      <canvas ref={canvas} data-testid={testId} style={{ width: '100%', height: 120, border: '1px solid #d9d9d9', borderRadius: 6, touchAction: 'none', background: '#fff' }} />
    </div>
  );
}
