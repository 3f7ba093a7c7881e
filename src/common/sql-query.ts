// A small builder for the hand-written SELECTs behind lists, filters and aggregates: it numbers
// parameters and collects conditions, and nothing else (the SQL stays readable as SQL).

export class SqlQuery {
  readonly params: unknown[] = [];
  private readonly conditions: string[] = [];

  constructor(readonly from: string) {}

  /** Adds a parameter and returns its placeholder, such as $3. */
  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  where(condition: string): this {
    this.conditions.push(condition);
    return this;
  }

  whereClause(): string {
    return this.conditions.length ? `WHERE ${this.conditions.map((c) => `(${c})`).join(' AND ')}` : '';
  }

  /** A copy with the same conditions and parameters, to extend without touching this one. */
  clone(): SqlQuery {
    const copy = new SqlQuery(this.from);
    copy.params.push(...this.params);
    copy.conditions.push(...this.conditions);
    return copy;
  }
}
