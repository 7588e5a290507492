import { z } from 'zod';
import { builder } from '../builder.js';
import { FLOWS_PER_EVENT, type FlowsEvent } from '../domain/flow/flow.events.js';
import { recordFlowInput, updateFlowInput } from '../domain/flow/flow.rules.js';
import { recordFlow, updateFlow } from '../domain/flow/flow.write.js';
import { inWrite } from '../mutations/write.js';
import { FlowStatus, Instrument } from './flow.js';
import { InferenceInput, inferredDescription } from './inference.js';
import { Flow } from './refs.js';
import { retractField } from './retract-field.js';
import { CitationInput, MoneyInput, reasonField, updateTarget } from './write-inputs.js';
import { writeMutation } from './write-result.js';

const flowInput = (create: boolean) =>
  builder.inputType(create ? 'RecordFlowInput' : 'UpdateFlowInput', {
    fields: (t) => ({
      ...(create
        ? { key: t.string({ description: 'External id; generated when absent.' }) }
        : updateTarget(t)),
      sourceId: t.id({ required: create }),
      targetId: t.id({ required: create }),
      amount: t.field({ type: MoneyInput, required: create }),
      year: t.int({ required: create, description: '1949 to 2100.' }),
      status: t.field({ type: FlowStatus, required: create }),
      instrument: t.field({ type: Instrument, required: create }),
      programId: t.id(),
      parentId: t.id({ description: 'The flow this one passes on (earmarked).' }),
      note: t.string(),
      noteZh: t.string({ description: 'The note in Chinese.' }),
      inferred: t.field({ type: [InferenceInput], description: inferredDescription }),
      citations: t.field({
        type: [CitationInput],
        description: create ? undefined : 'When given, replaces the citations.',
      }),
      reason: t.string({ description: reasonField }),
    }),
  });

export const RecordFlowInput = flowInput(true);
export const UpdateFlowInput = flowInput(false);

builder.mutationFields((t) => ({
  recordFlow: t.field({
    type: Flow,
    description: 'Records a flow of money or another resource. Needs the write scope.',
    ...writeMutation('RecordFlow', 'flow'),
    args: t.validate(
      { input: t.arg({ type: RecordFlowInput, required: true }) },
      z.object({ input: recordFlowInput }),
    ),
    resolve: async (_root, { input }, ctx) => {
      const flow = await inWrite(ctx, (trx, by) => recordFlow(trx, by, input));
      // Announced once committed: subscribers read what every reader can.
      ctx.events.committed({ count: 1, flowIds: [flow.id] });
      return flow;
    },
  }),
  updateFlow: t.field({
    type: Flow,
    description: 'Changes the given fields of a flow (null clears an optional one).',
    ...writeMutation('UpdateFlow', 'flow'),
    args: t.validate(
      { input: t.arg({ type: UpdateFlowInput, required: true }) },
      z.object({ input: updateFlowInput }),
    ),
    resolve: (_root, { input }, ctx) => inWrite(ctx, (trx, by) => updateFlow(trx, by, input)),
  }),
  retractFlow: retractField(
    t,
    'Flow',
    'Retracts a flow that no other flow passes on: it leaves every read (lists, totals, traces); its history stays.',
  ),
}));

builder.objectField(Flow, 'key', (t) =>
  t.exposeString('key', { description: 'External id: what imports match rows by.' }),
);

builder.subscriptionField('flowRecorded', (t) =>
  t.field({
    type: Flow,
    description:
      'One event per committed write of flows, from any server of the deployment: the flow a recordFlow recorded, or the first (by id) of the flows an importDataset created or changed (`flowsRecorded` tells how many, and which). Over SSE: POST or GET /graphql with Accept: text/event-stream.',
    subscribe: (_root, _args, { events }) => events.subscribe(),
    resolve: (event: FlowsEvent) => String(event.flowIds[0]),
  }),
);

const FlowsRecorded = builder.objectRef<FlowsEvent>('FlowsRecorded').implement({
  description: 'One committed write of flows: a recordFlow, or a whole importDataset.',
  fields: (t) => ({
    count: t.exposeInt('count', { description: 'How many flows the write created or changed.' }),
    flows: t.field({
      type: [Flow],
      description: `The first ${FLOWS_PER_EVENT} of them, by id.`,
      complexity: { field: 1, multiplier: FLOWS_PER_EVENT },
      resolve: (event) => event.flowIds.map(String),
    }),
  }),
});

builder.subscriptionField('flowsRecorded', (t) =>
  t.field({
    type: FlowsRecorded,
    description:
      'One event per committed write of flows (an import of 200 rows is one event, not 200), from any server of the deployment. Over SSE, as flowRecorded.',
    subscribe: (_root, _args, { events }) => events.subscribe(),
    resolve: (event: FlowsEvent) => event,
  }),
);
