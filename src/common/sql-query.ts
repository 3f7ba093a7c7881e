// A small builder for the hand-written SELECTs behind lists, filters and aggregates: it numbers
// parameters and collects conditions, and nothing else (the SQL stays readable as SQL).

export class SqlQuery {
  private readonly conditions: string[] = [];

  constructor(
    readonly from: string,
    readonly params: unknown[] = [],
  ) {}

  /** A query over another FROM that numbers its parameters in this query's list (for UNIONs). */
  branch(from: string): SqlQuery {
    return new SqlQuery(from, this.params);
  }

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
    const copy = new SqlQuery(this.from, [...this.params]);
    copy.conditions.push(...this.conditions);
    return copy;
  }
}
