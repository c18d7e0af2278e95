import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { ErrorResponse, Paging, RegionParam } from '../../server/http.ts';
import { attachmentHeader } from '../chains/chainMap.export.ts';
import { DomainError, validationError } from '../../shared/errors.ts';
import { MAX_FILE_BYTES } from './imports.file.ts';
import { ImportDetail, ImportInfo, ImportKind, ImportMode } from './imports.contract.ts';
import { KIND_LABEL_ZH } from './imports.model.ts';
import { ImportsRepo } from './imports.repo.ts';
import { runImport } from './imports.service.ts';
import { allCellErrors, importDetail, toImportInfo } from './imports.views.ts';
import { templateFileName, writeErrorReport, writeTemplate } from './imports.workbook.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const KindParams = RegionParam.extend({ kind: ImportKind });
const IdParams = RegionParam.extend({ id: z.uuid('must be an import id') });
const DetailQuery = Paging.extend({ pageSize: z.coerce.number().int().min(1).max(1000).default(200) });

export async function importRoutes(app: FastifyInstance, options: { database: Database }): Promise<void> {
  const { database } = options;
  // One file per request; one byte over the limit is kept so that the size check names the 50 MB limit.
  await app.register(multipart, { limits: { fileSize: MAX_FILE_BYTES + 1, files: 1, fields: 4, parts: 5, fieldSize: 1024 }, throwFileSizeLimit: false });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

  r.get(
    '/api/r/:region/imports/templates/:kind.xlsx',
    { schema: { tags: ['imports'], summary: 'Excel template of an import kind: Chinese headers and a notes row explaining each column', params: KindParams, response: { 200: z.any(), ...errors } } },
    async (request, reply) => {
      const kind = request.params.kind;
      return reply.type(XLSX).header('content-disposition', attachmentHeader(templateFileName(kind), `${kind}-template.xlsx`)).send(await writeTemplate(kind));
    },
  );

  r.post(
    '/api/r/:region/imports/:kind',
    {
      config: { write: 'imports' },
      schema: {
        tags: ['imports'],
        summary: 'Upload a .xlsx or .csv (multipart field "file", ≤ 50 MB). mode=dry_run checks only; apply changes nothing when any row is bad; partial applies the valid rows. The same file applied before changes nothing (result "unchanged").',
        params: KindParams,
        querystring: z.object({ mode: ImportMode.default('dry_run') }),
        consumes: ['multipart/form-data'],
        response: { 200: ImportDetail, 413: ErrorResponse, ...errors },
      },
    },
    async (request) => {
      if (!request.isMultipart()) throw new DomainError('UNSUPPORTED_MEDIA_TYPE', { field: 'content-type', reason: 'send multipart/form-data with a "file" field' }, 'send multipart/form-data');
      const part = await request.file();
      if (part?.fieldname !== 'file') throw validationError('file', 'is required (multipart field "file")');
      const dir = join(tmpdir(), `cb-import-${randomUUID()}`);
      await mkdir(dir, { recursive: true });
      try {
        const path = join(dir, 'upload');
        await pipeline(part.file, createWriteStream(path));
        const { region, kind } = request.params;
        const summary = await runImport(database, { regionCode: region, kind, mode: request.query.mode, path, fileName: part.filename.slice(0, 200) || 'upload', byUser: request.user?.username ?? 'unknown' });
        request.auditTarget = summary.importId;
        const detail = await importDetail(database.db, region, summary.importId, { page: 1, pageSize: 200, result: summary.status });
        if (!detail) throw new DomainError('NOT_FOUND', { field: 'id', reason: 'import vanished' });
        return detail;
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  );

  r.get(
    '/api/r/:region/imports',
    { schema: { tags: ['imports'], summary: 'Import history of a region, newest first', params: RegionParam, response: { 200: z.object({ items: z.array(ImportInfo) }), ...errors } } },
    async (request) => ({ items: (await new ImportsRepo(database.db).list(request.params.region, 200)).map(toImportInfo) }),
  );

  r.get(
    '/api/r/:region/imports/:id',
    { schema: { tags: ['imports'], summary: 'One import: outcomes and a page of its bad cells (row, column, value, reason)', params: IdParams, querystring: DetailQuery, response: { 200: ImportDetail, ...errors } } },
    async (request) => {
      const detail = await importDetail(database.db, request.params.region, request.params.id, { page: request.query.page, pageSize: request.query.pageSize });
      if (!detail) throw new DomainError('NOT_FOUND', { field: 'id', reason: 'no such import' }, 'no such import');
      return detail;
    },
  );

  r.get(
    '/api/r/:region/imports/:id/errors.xlsx',
    { schema: { tags: ['imports'], summary: 'Excel error report: every bad cell of an import with row, column, value and reason', params: IdParams, response: { 200: z.any(), ...errors } } },
    async (request, reply) => {
      const { region, id } = request.params;
      const record = await new ImportsRepo(database.db).get(region, id);
      if (!record) throw new DomainError('NOT_FOUND', { field: 'id', reason: 'no such import' }, 'no such import');
      const body = new PassThrough();
      const kind = ImportKind.catch('enterprises').parse(record.kind);
      void writeErrorReport(body, { fileName: record.fileName }, allCellErrors(database.db, region, id)).catch((error: unknown) => body.destroy(error instanceof Error ? error : new Error(String(error))));
      return reply
        .type(XLSX)
        .header('content-disposition', attachmentHeader(`${KIND_LABEL_ZH[kind]}导入错误报告-${record.fileName.replace(/\.[^.]+$/, '')}.xlsx`, `import-${id}-errors.xlsx`))
        .send(body);
    },
  );
}
