import { JsonLogger } from './json-logger';
import { withLogContext } from './log-context';

function capture(): { logger: JsonLogger; raw: string[]; lines: () => Record<string, unknown>[] } {
  const raw: string[] = [];
  const logger = new JsonLogger('test', 'log', (line) => raw.push(line));
  return { logger, raw, lines: () => raw.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe('JsonLogger', () => {
  it('writes one JSON object a line with the event context of the handler that logs', () => {
    const { logger, lines } = capture();
    withLogContext({ eventId: 'e-1', correlationId: 'c-1' }, () => logger.warn('slow handler', 'Consumer'));
    expect(lines()).toEqual([
      expect.objectContaining({ level: 'warn', app: 'test', context: 'Consumer', eventId: 'e-1', msg: 'slow handler' }),
    ]);
  });

  it('keeps the personal values of the event being handled out of messages and stacks, and never writes them', () => {
    const { logger, raw, lines } = capture();
    const redactions = [
      { value: '张三', masked: '张*' },
      { value: 'ZF"13\\08', masked: 'ZF****08' },
    ];
    withLogContext({ eventId: 'e-2', redactions }, () => {
      const error = new Error('duplicate key legal_representative=(张三)');
      logger.error(error);
      logger.log({ msg: 'claimed', actor: 'ZF"13\\08', by: '张三' });
    });
    logger.log('after: 张三'); // outside the event: nothing to redact
    expect(raw.slice(0, 2).join('\n')).not.toMatch(/张三|ZF\\"13/);
    expect(lines()[0]).toMatchObject({ msg: 'duplicate key legal_representative=(张*)' });
    expect(String(lines()[0]?.['stack'])).toContain('(张*)');
    expect(lines()[1]).toMatchObject({ actor: 'ZF****08', by: '张*' });
    expect(lines()[1]).not.toHaveProperty('redactions');
    expect(lines()[2]).toMatchObject({ msg: 'after: 张三' });
  });
});
