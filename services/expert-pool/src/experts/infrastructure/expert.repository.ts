import { EntityManager } from 'typeorm';

// The experts module's queries that several slices share.

/** Which of these ID numbers are already in the level's database (one expert per person per level). */
export async function idNumberTaken(manager: EntityManager, level: string, idNumbers: string[]): Promise<Set<string>> {
  if (idNumbers.length === 0) return new Set();
  const rows: { id_number: string }[] = await manager.query(`SELECT id_number FROM expert_pool.expert WHERE level = $1 AND id_number = ANY($2)`, [
    level,
    idNumbers,
  ]);
  return new Set(rows.map((r) => r.id_number));
}
