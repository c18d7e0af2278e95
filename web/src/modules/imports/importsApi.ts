import { z } from 'zod';
import { ImportDetail, ImportInfo, type ImportKind, type ImportMode } from '../../../../src/modules/imports/imports.contract.ts';
import { ApiError, api } from '../../api/client.ts';
import { ErrorBody } from '../../api/schemas.ts';

export { ImportDetail, ImportInfo };
export type { ImportKind, ImportMode };

const History = z.object({ items: z.array(ImportInfo) });
const Me = z.object({ csrfToken: z.string() });

export function importsBase(region: string): string {
  return `/api/r/${region}/imports`;
}

export function templateUrl(region: string, kind: ImportKind): string {
  return `${importsBase(region)}/templates/${kind}.xlsx`;
}

export function errorReportUrl(region: string, id: string): string {
  return `${importsBase(region)}/${encodeURIComponent(id)}/errors.xlsx`;
}

export function loadHistory(region: string, signal: AbortSignal) {
  return api(importsBase(region), History, { signal }).then((r) => r.items);
}

/** One import with a page of its bad rows' cells (pages of `pageSize` bad rows). */
export function loadImport(region: string, id: string, signal: AbortSignal, page = 1) {
  return api(`${importsBase(region)}/${encodeURIComponent(id)}`, ImportDetail, { query: { page }, signal });
}

/**
 * Uploads a file as multipart/form-data (the JSON client cannot) and reports the upload's progress (0–1).
 * XMLHttpRequest, because fetch has no upload progress.
 */
export async function uploadImport(options: { region: string; kind: ImportKind; mode: ImportMode; file: File; onProgress(fraction: number): void }): Promise<ImportDetail> {
  const { csrfToken } = await api('/api/auth/me', Me);
  const body = new FormData();
  body.append('file', options.file, options.file.name);
  const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${importsBase(options.region)}/${options.kind}?mode=${options.mode}`);
    xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress(event.loaded / event.total);
    };
    xhr.onload = () => resolve({ status: xhr.status, text: xhr.responseText });
    xhr.onerror = () => reject(new ApiError({ status: 0, code: 'NETWORK', message: 'network error' }));
    xhr.send(body);
  });
  const payload = parseJson(text);
  if (status < 200 || status >= 300) {
    const error = ErrorBody.safeParse(payload);
    if (!error.success) throw new ApiError({ status, code: `HTTP_${status}`, message: `HTTP ${status}` });
    const { code, message, field, reason } = error.data.error;
    throw new ApiError({ status, code, message, field, reason });
  }
  const parsed = ImportDetail.safeParse(payload);
  if (!parsed.success) throw new ApiError({ status, code: 'BAD_RESPONSE', message: parsed.error.message });
  return parsed.data;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
