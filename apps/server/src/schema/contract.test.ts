import {
  type GraphQLArgument,
  type GraphQLField,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from './index.js';

/**
 * The API contract of the design brief (its "names that clients and external checks rely on"),
 * written out field by field: each must exist with this type, and each argument with this type
 * and default. The schema may add to it, never change it.
 */
const OBJECTS: Record<string, Record<string, string>> = {
  Money: {
    value: 'Decimal!',
    low: 'Decimal',
    high: 'Decimal',
    qualifier: 'AmountQualifier!',
    currency: 'String!',
    unit: 'String!',
    'formatted(locale: Locale = ZH)': 'String!',
  },
  Flow: {
    id: 'ID!',
    source: 'Actor!',
    target: 'Actor!',
    amount: 'Money!',
    year: 'Int!',
    status: 'FlowStatus!',
    instrument: 'Instrument!',
    program: 'Program',
    parent: 'Flow',
    citations: '[Citation!]!',
  },
  Actor: {
    id: 'ID!',
    name: 'String!',
    nameEn: 'String',
    kind: 'ActorKind!',
    region: 'Region',
    memberCount: 'Int',
    inflows: 'FlowConnection!',
    outflows: 'FlowConnection!',
  },
  Region: {
    id: 'ID!',
    code: 'String!',
    name: 'String!',
    nameEn: 'String',
    level: 'RegionLevel!',
    parent: 'Region',
    children: '[Region!]!',
    observations: '[Observation!]!',
  },
  Observation: {
    id: 'ID!',
    metric: 'String!',
    value: 'Decimal!',
    unit: 'String!',
    year: 'Int!',
    kind: 'ObservationKind!',
    region: 'Region',
    actor: 'Actor',
    program: 'Program',
    citations: '[Citation!]!',
  },
  Citation: { document: 'Document!', quote: 'String!', start: 'Int!', end: 'Int!' },
  Document: {
    id: 'ID!',
    title: 'String!',
    text: 'String!',
    'citations(first: Int, after: String)': 'CitationConnection!',
  },
  Query: {
    'node(id: ID!)': 'Node',
    'flows(filter: FlowFilter, first: Int, after: String)': 'FlowConnection!',
    'actors(filter: ActorFilter, first: Int, after: String)': 'ActorConnection!',
    'region(code: String!)': 'Region',
    'programs(first: Int, after: String)': 'ProgramConnection!',
    'documents(first: Int, after: String)': 'DocumentConnection!',
    'observations(filter: ObservationFilter, first: Int, after: String)': 'ObservationConnection!',
    'search(text: String!)': '[SearchHit!]!',
    'totals(groupBy: [TotalDimension!]!, filter: FlowFilter)': '[TotalRow!]!',
    'trace(from: ID!, direction: TraceDirection = DOWNSTREAM, year: Int, maxDepth: Int)': 'Trace!',
  },
  Trace: {
    total: 'Money!',
    nodes: '[TraceNode!]!',
    links: '[TraceLink!]!',
    outcomes: '[TraceOutcome!]!',
    residuals: '[Residual!]!',
    warnings: '[TraceWarning!]!',
  },
  TraceNode: { actor: 'Actor!', depth: 'Int!', attributed: 'Money!' },
  TraceLink: { flow: 'Flow!', attributed: 'Money!', share: 'Float!' },
  TraceOutcome: {
    observation: 'Observation!',
    attributedValue: 'Decimal!',
    money: 'Money!',
    unitCost: 'Money',
  },
  Residual: { actor: 'Actor!', amount: 'Money!', kind: 'String!' },
  TraceWarning: { code: 'String!', message: 'String!', actor: 'Actor', flow: 'Flow' },
  Mutation: {
    'createActor(input: CreateActorInput!)': '*',
    'recordFlow(input: RecordFlowInput!)': '*',
    'recordObservation(input: RecordObservationInput!)': '*',
    'importDataset(input: ImportInput!)': '*',
  },
};

const INPUTS: Record<string, Record<string, string>> = {
  MoneyInput: {
    value: 'Decimal!',
    'qualifier = EXACT': 'AmountQualifier',
    low: 'Decimal',
    high: 'Decimal',
    'unit = "CNY"': 'String',
  },
  CitationInput: { documentId: 'ID!', start: 'Int!', end: 'Int!' },
  FlowFilter: {
    year: 'Int',
    status: 'FlowStatus',
    instrument: 'Instrument',
    programId: 'ID',
    sourceId: 'ID',
    targetId: 'ID',
    regionCode: 'String',
  },
};

const ENUMS: Record<string, string[]> = {
  AmountQualifier: ['EXACT', 'APPROXIMATE', 'AT_LEAST', 'AT_MOST'],
  TraceDirection: ['DOWNSTREAM', 'UPSTREAM'],
  FlowStatus: ['PLANNED', 'COMMITTED', 'DISBURSED', 'SPENT'],
  Instrument: ['GRANT', 'LOAN', 'FUND', 'LEVERAGED', 'IN_KIND'],
};

/** "name(a: T = d, …)" → the field name and its arguments as printed. */
function parse(spec: string): { name: string; args: string[] } {
  const match = /^(\w+)(?:\((.*)\))?$/.exec(spec);
  const args = match?.[2] ? match[2].split(/,\s*(?=\w+:)/) : [];
  return { name: match?.[1] ?? spec, args };
}

/** An argument as the contract writes it: `name: Type` or `name: Type = default`. */
function printArg(arg: GraphQLArgument, wanted: string): string {
  const printed = `${arg.name}: ${String(arg.type)}`;
  if (!wanted.includes('=')) return printed;
  const value = arg.defaultValue;
  const quoted = typeof value === 'string' && !isEnumType(getNullableType(arg.type));
  return `${printed} = ${quoted ? JSON.stringify(value) : String(value)}`;
}

describe('the API contract of the design brief', () => {
  it.each(Object.entries(OBJECTS))('%s has its fields, types and arguments', (typeName, fields) => {
    const type = schema.getType(typeName);
    expect(isObjectType(type) || isInterfaceType(type), typeName).toBe(true);
    const actual = (
      type as { getFields(): Record<string, GraphQLField<unknown, unknown>> }
    ).getFields();
    for (const [spec, wanted] of Object.entries(fields)) {
      const { name, args } = parse(spec);
      const field = actual[name];
      expect(field, `${typeName}.${name}`).toBeDefined();
      if (wanted !== '*') expect(String(field?.type), `${typeName}.${name}`).toBe(wanted);
      for (const arg of args) {
        const argName = arg.split(':')[0] ?? '';
        const found = field?.args.find((a) => a.name === argName);
        expect(found, `${typeName}.${name}(${argName})`).toBeDefined();
        if (found) expect(printArg(found, arg), `${typeName}.${name}`).toBe(arg);
      }
    }
  });

  it.each(Object.entries(INPUTS))('input %s has its fields and defaults', (typeName, fields) => {
    const type = schema.getType(typeName);
    expect(isInputObjectType(type), typeName).toBe(true);
    if (!isInputObjectType(type)) return;
    for (const [spec, wanted] of Object.entries(fields)) {
      const [name = '', preset] = spec.split(' = ');
      const field = type.getFields()[name];
      expect(String(field?.type), `${typeName}.${name}`).toBe(wanted);
      if (preset !== undefined) {
        const value = field?.defaultValue;
        expect(typeof value === 'string' && name === 'unit' ? JSON.stringify(value) : value).toBe(
          preset,
        );
      }
    }
  });

  it.each(Object.entries(ENUMS))('enum %s has its values', (typeName, values) => {
    const type = schema.getType(typeName);
    expect(isEnumType(type), typeName).toBe(true);
    const actual = isEnumType(type) ? type.getValues().map((v) => v.name) : [];
    expect(actual).toEqual(expect.arrayContaining(values));
  });

  it('Flow, Actor, Region, Observation and Document are Nodes', () => {
    for (const name of ['Flow', 'Actor', 'Region', 'Observation', 'Document']) {
      const type = schema.getType(name);
      expect(isObjectType(type) && type.getInterfaces().some((i) => i.name === 'Node'), name).toBe(
        true,
      );
    }
  });

  it('each write’s success type names the written object after it', () => {
    const success = (mutation: string) => {
      const union = schema.getMutationType()?.getFields()[mutation]?.type;
      const members = union && 'getTypes' in union ? union.getTypes() : [];
      return members.find((m) => !m.getInterfaces().some((i) => i.name === 'Error'));
    };
    expect(success('createActor')?.getFields().actor).toBeDefined();
    expect(success('recordFlow')?.getFields().flow).toBeDefined();
    expect(success('recordObservation')?.getFields().observation).toBeDefined();
  });
});
