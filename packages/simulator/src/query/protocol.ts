/**
 * The AWS Query protocols (awsQuery for Elastic Load Balancing v2, ec2Query for EC2): a form-encoded POST whose
 * `Action` and `Version` name the operation, answered in XML. Lists arrive flattened (`Names.member.1`,
 * `SubnetId.1`, `Filter.1.Value.1`); answers wrap list items in `<member>` (awsQuery) or `<item>` (ec2Query).
 */

/** The form fields of one request, by their flattened names. */
export class QueryParams {
  constructor(private readonly fields: Map<string, string>) {}

  static parse(body: string): QueryParams {
    return new QueryParams(new Map(new URLSearchParams(body).entries()));
  }

  get(name: string): string | undefined {
    return this.fields.get(name);
  }

  /** `prefix.1`, `prefix.2`, … in order, e.g. list('Names.member') or list('SubnetId'). */
  list(prefix: string): string[] {
    return this.indexed(prefix).map((index) => this.fields.get(`${prefix}.${index}`) ?? '');
  }

  /** Structures of a list: `prefix.1.Id`, `prefix.1.Port`, … as one record per index. */
  structures(prefix: string): Record<string, string>[] {
    return this.indexed(prefix).map((index) => {
      const record: Record<string, string> = {};
      const head = `${prefix}.${index}.`;
      for (const [key, value] of this.fields) if (key.startsWith(head)) record[key.slice(head.length)] = value;
      return record;
    });
  }

  /** The fields as a plain object, for the call record. */
  toObject(): Record<string, string> {
    return Object.fromEntries(this.fields);
  }

  private indexed(prefix: string): number[] {
    const indexes = new Set<number>();
    const pattern = new RegExp(`^${prefix.replace(/\./g, '\\.')}\\.(\\d+)(?:\\.|$)`);
    for (const key of this.fields.keys()) {
      const match = pattern.exec(key);
      if (match) indexes.add(Number(match[1]));
    }
    return [...indexes].sort((a, b) => a - b);
  }
}

/** A value an answer carries: scalars, lists (wrapped per protocol) and structures with XML member names. */
export type XmlValue = string | number | boolean | Date | undefined | XmlValue[] | { [name: string]: XmlValue };

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** `<name>…</name>` for each member of `value`; list items are wrapped in `<itemTag>`. */
export function toXml(value: { [name: string]: XmlValue }, itemTag: 'member' | 'item'): string {
  const element = (name: string, inner: XmlValue): string => {
    if (inner === undefined) return '';
    if (Array.isArray(inner)) return `<${name}>${inner.map((item) => element(itemTag, item)).join('')}</${name}>`;
    if (inner instanceof Date) return `<${name}>${inner.toISOString()}</${name}>`;
    if (typeof inner === 'object') return `<${name}>${toXml(inner, itemTag)}</${name}>`;
    return `<${name}>${escapeXml(String(inner))}</${name}>`;
  };
  return Object.entries(value)
    .map(([name, inner]) => element(name, inner))
    .join('');
}
