import { describe, expect, it, vi } from 'vitest';
import { createAuditRecorder, succeeded, type AuditAttempt } from '../../../main/audit/audit-recorder';
import { AuditWriteError, type NewAuditEntry } from '../../../main/audit/audit-trail';

const ATTEMPT: AuditAttempt = {
  actor: { kind: 'os', name: 'alice' },
  action: 'instance.remove',
  target: { instance: { id: 'i-1', name: 'Prod', url: 'https://auth.example.com' } },
  fingerprint: null,
};

/** A trail in memory that refuses the appends whose number (1-based) is in `failing`. */
function memoryTrail(failing: number[] = []) {
  const written: NewAuditEntry[] = [];
  let calls = 0;
  return {
    written,
    append: vi.fn(async (entry: NewAuditEntry) => {
      calls += 1;
      if (failing.includes(calls))
        throw new AuditWriteError('The audit trail /data/audit.jsonl could not be written: EACCES.');
      written.push(entry);
    }),
  };
}

const recorderOver = (trail: ReturnType<typeof memoryTrail>, unrecorded: string[] = []) =>
  createAuditRecorder({
    trail,
    now: () => Date.UTC(2026, 4, 1, 12),
    unrecorded: (problem) => void unrecorded.push(problem),
    newOp: () => 'op-1',
  });

describe('the audit recorder', () => {
  it('writes the attempt before the work starts, then its outcome with what became known', async () => {
    const trail = memoryTrail();
    const seen: number[] = [];
    const value = await recorderOver(trail).run(
      ATTEMPT,
      async () => {
        seen.push(trail.written.length);
        return 'done';
      },
      () => ({ ...succeeded('removed'), target: { license: 'l-1' } }),
    );
    expect(value).toBe('done');
    expect(seen).toEqual([1]);
    expect(trail.written).toEqual([
      {
        time: '2026-05-01T12:00:00.000Z',
        actor: ATTEMPT.actor,
        action: 'instance.remove',
        target: ATTEMPT.target,
        fingerprint: null,
        result: 'attempted',
        detail: null,
        op: 'op-1',
      },
      {
        time: '2026-05-01T12:00:00.000Z',
        actor: ATTEMPT.actor,
        action: 'instance.remove',
        target: { ...ATTEMPT.target, license: 'l-1' },
        fingerprint: null,
        result: 'succeeded',
        detail: 'removed',
        op: 'op-1',
      },
    ]);
  });

  it('never runs the work when the attempt cannot be written, and says why', async () => {
    const trail = memoryTrail([1]);
    const work = vi.fn(async () => 'done');
    await expect(recorderOver(trail).run(ATTEMPT, work, () => succeeded())).rejects.toThrow(AuditWriteError);
    expect(work).not.toHaveBeenCalled();
    expect(trail.written).toEqual([]);
  });

  it('records a failure with the code and message of an error the app words, and rethrows it', async () => {
    const trail = memoryTrail();
    const failure = Object.assign(new Error('authentik answered 404'), { code: 'not_found' });
    await expect(
      recorderOver(trail).run(
        ATTEMPT,
        () => Promise.reject(failure),
        () => succeeded(),
      ),
    ).rejects.toBe(failure);
    expect(trail.written.map((entry) => [entry.result, entry.detail])).toEqual([
      ['attempted', null],
      ['failed', 'not_found: authentik answered 404'],
    ]);
  });

  it('records only the kind of any other error, whose message could quote a token', async () => {
    const trail = memoryTrail();
    await expect(
      recorderOver(trail).run(
        ATTEMPT,
        () => Promise.reject(new TypeError('Bearer secret-token-123 is odd')),
        () => succeeded(),
      ),
    ).rejects.toThrow(TypeError);
    expect(trail.written[1]?.detail).toBe('internal_error: TypeError');
    expect(JSON.stringify(trail.written)).not.toContain('secret-token-123');
  });

  it('tells when an outcome cannot be recorded, and still answers what was done', async () => {
    const trail = memoryTrail([2]);
    const unrecorded: string[] = [];
    await expect(
      recorderOver(trail, unrecorded).run(
        ATTEMPT,
        async () => 'done',
        () => succeeded(),
      ),
    ).resolves.toBe('done');
    expect(unrecorded).toEqual([
      'The outcome of instance.remove (succeeded) could not be recorded in the audit trail: The audit trail /data/audit.jsonl could not be written: EACCES.',
    ]);
  });

  it('cuts a long detail', async () => {
    const trail = memoryTrail();
    await recorderOver(trail).run(
      ATTEMPT,
      async () => 'done',
      () => succeeded('x'.repeat(2000)),
    );
    expect(trail.written[1]?.detail).toHaveLength(500);
  });
});
