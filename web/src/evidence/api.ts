import { api, ApiError, type ApiErrorBody } from '../app/api';
import i18n, { currentLang } from '../i18n';
import type { EvidenceFormValues, EvidenceList, EvidenceOwnerKind, EvidenceUploaded } from './types';

/** Whose files: a case, or another record (study-session materials, activity photos). */
export type EvidenceTarget = number | { kind: EvidenceOwnerKind; id: number };
const pathOf = (target: EvidenceTarget) => (typeof target === 'number' ? `/cases/${target}/evidence` : `/evidence/owned/${target.kind}/${target.id}`);

export const evidenceApi = {
  list(target: EvidenceTarget, signal?: AbortSignal) {
    return api<EvidenceList>(pathOf(target), { signal });
  },

  /**
   * Uploads with XMLHttpRequest for the progress bar (fetch cannot report upload progress). The fields
   * go first so the server can read them before the file streams; the CSRF token comes from /auth/me.
   */
  async upload(target: EvidenceTarget, file: File, values: EvidenceFormValues, onProgress: (percent: number) => void, signal?: AbortSignal): Promise<EvidenceUploaded> {
    const { csrfToken } = await api<{ csrfToken: string }>('/auth/me', { signal });
    const fd = new FormData();
    for (const [k, v] of Object.entries(values)) {
      if (v !== undefined && v !== null && v !== '') fd.append(k, String(v));
    }
    fd.append('file', file, file.name);
    return new Promise<EvidenceUploaded>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', `/api${pathOf(target)}`);
      xhr.setRequestHeader('accept', 'application/json');
      xhr.setRequestHeader('accept-language', currentLang());
      xhr.setRequestHeader('x-csrf-token', csrfToken);
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable) onProgress(Math.floor((e.loaded / e.total) * 100));
      };
      xhr.onload = () => {
        let body: unknown;
        try {
          body = JSON.parse(xhr.responseText);
        } catch {
          body = undefined;
        }
        if (xhr.status >= 200 && xhr.status < 300) {
          resolve(body as EvidenceUploaded);
          return;
        }
        const err = (body as { error?: ApiErrorBody } | undefined)?.error;
        reject(new ApiError(xhr.status, err ?? { code: `HTTP_${xhr.status}`, message: i18n.t('app.requestFailed', { status: xhr.status }) }));
      };
      xhr.onerror = () => reject(new ApiError(0, { code: 'NETWORK', message: i18n.t('app.networkError') }));
      xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
      signal?.addEventListener('abort', () => xhr.abort());
      xhr.send(fd);
    });
  },
};
