import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, ENGINE } from '../../../test/helpers/db.js';
import type { Database } from '../db/index.js';
import { appendAudit, SYSTEM_ACTOR, verifyAuditChain } from './log.js';
import { canonicalJson } from './chain.js';

describe(`audit log: append-only and hash-chained (${ENGINE})`, () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
    for (let i = 1; i <= 5; i++) {
      await database.db.transaction((tx) => appendAudit(tx, { id: 7, name: 'officer', role: 'enforcement_officer' }, {
        action: 'enterprise.update', entity: 'enterprise', entityId: i,
        before: { name: `旧名称${i}`, nested: { b: 1, a: [1, 2] } }, after: { name: `新名称${i}`, at: new Date('2021-07-15T00:00:00Z') }, reason: '更正',
      }, new Date(Date.UTC(2021, 6, 15, 8, 0, i, 123))));
    }
  });
  afterAll(async () => database.close());

  it('verifies an untouched chain', async () => {
    expect(await verifyAuditChain(database.db)).toEqual({ ok: true, checked: 5 });
  });

  // Drizzle wraps the driver's error; the trigger's message is its cause.
  const appendOnly = { cause: { message: expect.stringMatching(/append-only/) } };
  it('the database refuses UPDATE, DELETE and TRUNCATE', async () => {
    await expect(database.db.execute(sql`update audit_log set reason = 'x' where seq = 2`)).rejects.toMatchObject(appendOnly);
    await expect(database.db.execute(sql`delete from audit_log where seq = 2`)).rejects.toMatchObject(appendOnly);
    await expect(database.db.execute(sql`truncate audit_log`)).rejects.toMatchObject(appendOnly);
  });

  it('names the first tampered row when a row is edited behind the application', async () => {
    // Only a superuser can switch triggers off: this is the attack verify exists for.
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
      await tx.execute(sql`update audit_log set after = '{"name":"篡改"}'::jsonb where seq = 3`);
      await tx.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
    });
    expect(await verifyAuditChain(database.db)).toEqual({ ok: false, checked: 2, firstBrokenSeq: 3, reason: 'HASH_MISMATCH' });
  });

  it('canonical JSON ignores key order (jsonb reorders keys)', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(canonicalJson({ a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 }));
  });
});

describe('audit log: concurrent appends never fork the chain', () => {
  it('keeps a single chain when many transactions append at once', async () => {
    const database = await createTestDatabase();
    try {
      await Promise.all(Array.from({ length: 20 }, (_, i) => database.db.transaction((tx) =>
        appendAudit(tx, SYSTEM_ACTOR, { action: 'test', entity: 't', entityId: i }, new Date()))));
      expect(await verifyAuditChain(database.db)).toEqual({ ok: true, checked: 20 });
    } finally {
      await database.close();
    }
  });
});

describe(`audit log: concurrent appends outside a transaction (${ENGINE})`, () => {
  let database: Database;
  beforeAll(async () => { database = await createTestDatabase(); });
  afterAll(async () => database.close());

  // A stop request and a run's own end are audited at the same moment, each on the pool without a transaction:
  // every entry must land, in one unbroken chain.
  it('12 appends at once on the bare pool all land, each on its own sequence number, and the chain verifies', async () => {
    const seqs = await Promise.all(Array.from({ length: 12 }, (_, i) =>
      appendAudit(database.db, SYSTEM_ACTOR, { action: 'monitoring.simulation.end', entity: 'monitoring_simulation', entityId: i }, new Date(Date.UTC(2026, 0, 1, 0, 0, i)))));
    expect([...seqs].sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(await verifyAuditChain(database.db)).toEqual({ ok: true, checked: 12 });
  });
});
