import { db } from '@shop/shared/db.ts';

export interface AuditEntry {
  actorId: number | null;
  action: string;
  entity: string;
  entityId: string | number | null;
  details?: Record<string, unknown>;
  at: string;
}

export function recordAudit(entry: AuditEntry): void {
  db()
    .prepare(
      `INSERT INTO audit_log (actor_id, action, entity, entity_id, details_json, created_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    )
    .run(
      entry.actorId,
      entry.action,
      entry.entity,
      entry.entityId === null ? null : String(entry.entityId),
      JSON.stringify(entry.details ?? {}),
      entry.at,
    );
}

export function listAudit(filter: { entity?: string }, limit: number, offset: number) {
  const where = filter.entity ? 'WHERE a.entity = @entity' : '';
  const rows = db()
    .prepare(
      `SELECT a.id, a.action, a.entity, a.entity_id AS entityId, a.details_json AS detailsJson,
              a.created_at AS createdAt, u.email AS actor
         FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
         ${where}
        ORDER BY a.id DESC LIMIT @limit OFFSET @offset`,
    )
    .all({ ...filter, limit, offset }) as { detailsJson: string; [key: string]: unknown }[];
  const total = db().prepare(`SELECT COUNT(*) FROM audit_log a ${where}`).pluck().get(filter) as number;
  return {
    rows: rows.map(({ detailsJson, ...rest }) => ({ ...rest, details: JSON.parse(detailsJson) as unknown })),
    total,
  };
}
