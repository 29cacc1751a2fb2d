/** Capability roles, ordered: each one can do everything the ones after it can. */
export const ROLES = ['facilitator', 'editor', 'viewer'] as const
export type Role = (typeof ROLES)[number]

const RANK: Record<Role, number> = { facilitator: 3, editor: 2, viewer: 1 }

/** True when `role` may do what `required` may do. */
export function hasRole(role: Role, required: Role): boolean {
  return RANK[role] >= RANK[required]
}

export function canWrite(role: Role): boolean {
  return hasRole(role, 'editor')
}
