import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { DataSource, EntityManager } from 'typeorm';
import type { AssertedCaller } from '@hub/assertion';
import { ProblemException } from '@hub/platform';
import { InspectionEnv } from '../../../inspection.env';
import { mayActFor } from '../../../people';
import { InspectorsRepository } from '../../inspectors.repository';
import { TargetsRepository } from '../../targets.repository';
import { decodedText, declaredEncoding } from './csv-encoding';
import {
  columnNames,
  headerFields,
  parseInspectorRow,
  parseTargetRow,
  type ImportKind,
  type RowError,
  type TargetImport,
} from './csv-rows';
import { ImportJob, ImportJobsRepository } from './import-jobs.repository';
import type { Inspector } from '../../inspectors.repository';

/** 市场监管分局 keeps the zone's target directory; each department its own inspectors. */
export const TARGET_DIRECTORY_DEPARTMENT = 'SCJG';

type Counts = Pick<ImportJob, 'rows' | 'imported' | 'unchanged' | 'rejected' | 'errors'>;

/**
 * CSV imports of the directories: a job is made, then its file is streamed in and written batch by batch, each batch
 * in one transaction with the job's counts (poll the job to follow it). Every bad row is answered with its line,
 * column and rule; the good rows are imported; importing the same rows again changes nothing.
 */
@Injectable()
export class ImportCsv {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: ImportJobsRepository,
    private readonly targets: TargetsRepository,
    private readonly inspectors: InspectorsRepository,
    @Inject(InspectionEnv) private readonly env: InspectionEnv,
  ) {}

  async create(caller: AssertedCaller, kind: ImportKind): Promise<ImportJob> {
    const admin = caller.kind === 'person' && caller.roles.includes('admin');
    if (kind === 'targets' && !admin && !mayActFor(caller, TARGET_DIRECTORY_DEPARTMENT)) {
      throw new ProblemException(
        403,
        'forbidden',
        `the target directory is kept by ${TARGET_DIRECTORY_DEPARTMENT}: only its supervisors (or 信息化中心's admins) import it`,
      );
    }
    const id = randomUUID();
    const department = kind === 'inspectors' ? caller.department : null;
    await this.dataSource.transaction((m) => this.jobs.create(m, { id, kind, department, createdBy: caller.subject }));
    return (await this.find(caller, id))!;
  }

  async find(caller: AssertedCaller, id: string): Promise<ImportJob> {
    const job = await this.jobs.find(this.dataSource.manager, id);
    if (!job || (job.department !== null && !mayActFor(caller, job.department, true))) {
      throw new ProblemException(404, 'not-found', `no import job ${id}`);
    }
    return job;
  }

  async upload(caller: AssertedCaller, id: string, contentType: string | undefined, body: Readable) {
    const job = await this.find(caller, id);
    if (job.createdBy !== caller.subject) {
      throw new ProblemException(403, 'forbidden', `import job ${id} belongs to whoever made it`);
    }
    let declared;
    try {
      declared = declaredEncoding(contentType);
    } catch (error) {
      throw new ProblemException(415, 'unsupported-media-type', (error as Error).message);
    }
    const { encoding, text } = await decodedText(body, declared);
    if (!(await this.jobs.start(this.dataSource.manager, id, encoding))) {
      throw new ProblemException(409, 'conflict', `import job ${id} has had its file already (it is ${job.state})`);
    }
    const counts: Counts = { rows: 0, imported: 0, unchanged: 0, rejected: 0, errors: [] };
    const state = await this.run(job, text, counts).catch(async (error: unknown) => {
      await this.jobs.progress(this.dataSource.manager, id, counts, 'failed');
      throw error;
    });
    await this.jobs.progress(this.dataSource.manager, id, counts, state);
    return (await this.jobs.find(this.dataSource.manager, id))!;
  }

  private async run(job: ImportJob, text: Readable, counts: Counts): Promise<'done' | 'failed'> {
    const parser = text.pipe(parse({ info: true, relax_column_count: true, skip_empty_lines: true }));
    let fields: (string | undefined)[] | undefined;
    let columns = new Map<string, string>();
    let header: string[] = [];
    let batch: { line: number; record: string[] }[] = [];
    let lastLine = 0;
    let lastEmpty = 0;
    try {
      for await (const { record, info } of parser as AsyncIterable<{
        record: string[];
        info: { lines: number; empty_lines: number };
      }>) {
        const line = lastLine + 1 + (info.empty_lines - lastEmpty);
        [lastLine, lastEmpty] = [info.lines, info.empty_lines];
        if (fields === undefined) {
          const read = headerFields(job.kind, record);
          if ('errors' in read) {
            counts.errors.push(...read.errors);
            return 'failed';
          }
          [fields, header, columns] = [read.fields, record, columnNames(read.fields, record)];
          continue;
        }
        batch.push({ line, record });
        if (batch.length >= this.env.IMPORT_BATCH_ROWS) {
          await this.write(job, fields, columns, header, batch, counts);
          batch = [];
        }
      }
      if (fields === undefined) {
        counts.errors.push({
          line: 1,
          column: '',
          rule: 'header',
          message: 'the file is empty: it needs a header row',
        });
        return 'failed';
      }
      await this.write(job, fields, columns, header, batch, counts);
      return 'done';
    } catch (error) {
      const csv = error as { code?: string; lines?: number; message: string };
      if (typeof csv.code !== 'string' || !csv.code.startsWith('CSV_')) throw error;
      // What cannot be read as CSV (an unclosed quote…) ends the file: the rows before it are kept.
      counts.errors.push({ line: csv.lines ?? lastLine + 1, column: '', rule: 'csvSyntax', message: csv.message });
      counts.rejected += 1;
      return 'failed';
    }
  }

  private async write(
    job: ImportJob,
    fields: (string | undefined)[],
    columns: Map<string, string>,
    header: string[],
    batch: { line: number; record: string[] }[],
    counts: Counts,
  ): Promise<void> {
    const good: (TargetImport | Inspector)[] = [];
    for (const { line, record } of batch) {
      const parsed =
        job.kind === 'targets'
          ? parseTargetRow(line, fields, columns, record)
          : parseInspectorRow(line, fields, columns, record, job.department!);
      const width: RowError[] =
        record.length === header.length
          ? []
          : [
              {
                line,
                column: '',
                rule: 'columnCount',
                message: `the row has ${record.length} columns, the header ${header.length}`,
              },
            ];
      const errors = [...width, ...(parsed.ok ? [] : parsed.errors)];
      if (errors.length > 0) {
        counts.rejected += 1;
        counts.errors.push(...errors);
      } else if (parsed.ok) good.push(parsed.value);
    }
    await this.dataSource.transaction(async (manager) => {
      const changed = await this.save(manager, job.kind, good);
      counts.rows += batch.length;
      counts.imported += changed;
      counts.unchanged += good.length - changed;
      await this.jobs.progress(manager, job.id, counts);
    });
  }

  /** How many of the rows changed something. */
  private async save(manager: EntityManager, kind: ImportKind, rows: (TargetImport | Inspector)[]): Promise<number> {
    if (kind === 'inspectors') return (await this.inspectors.upsert(manager, rows as Inspector[])).length;
    const imports = rows as TargetImport[];
    const changed = new Set([
      ...(await this.targets.upsert(
        manager,
        imports.map((r) => r.target),
        'import',
      )),
      ...(await this.targets.upsertLicences(
        manager,
        imports.flatMap((r) => r.licences),
      )),
      ...(await this.targets.upsertRisk(
        manager,
        imports.flatMap((r) => (r.risk ? [r.risk] : [])),
      )),
    ]);
    return Math.min(changed.size, new Set(imports.map((r) => r.target.uscc)).size);
  }
}
