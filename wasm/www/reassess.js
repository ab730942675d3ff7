// Re-assessment as one action ("Ny fordeling fra dato"): the agreement on a service line in force on
// the date ends the day before, and a new agreement starts on the date with the same key (for the
// user to change). Pure functions over the case document (contract JSON); dates are ISO text.

/** The day before an ISO date ('2024-07-01' -> '2024-06-30'), or null for a text that is no date. */
export function dayBefore(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (d.getUTCDate() !== Number(m[3]) || d.getUTCMonth() !== Number(m[2]) - 1) return null;
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Whether an agreement is in force on a date (ISO dates compare as text). */
export function inForce(agreement, date) {
  return agreement.from <= date && (agreement.to === undefined || agreement.to === '' || agreement.to >= date);
}

/**
 * Changes `caseDoc` in place: the agreement on `line` in force on `from` ends the day before and a
 * new agreement `id` starts on `from` with its key (and its end, if it had one); without one in
 * force, the new agreement starts empty (percent). Returns the index of the new agreement, or an
 * error text key: 'badDate' (no date), 'startsThatDay' (the agreement in force starts on the date:
 * change it instead).
 */
export function reassess(caseDoc, line, from, id) {
  const before = dayBefore(from);
  if (!before) return { error: 'badDate' };
  const agreements = (caseDoc.agreements ??= []);
  const current = agreements.find((a) => a.service === line && inForce(a, from));
  if (current && current.from === from) return { error: 'startsThatDay' };
  const next = { id, service: line, from, kind: current?.kind ?? 'percent', shares: structuredClone(current?.shares ?? []) };
  if (current?.to) next.to = current.to;
  if (current) current.to = before;
  const at = current ? agreements.indexOf(current) + 1 : agreements.length;
  agreements.splice(at, 0, next);
  return { index: at };
}
