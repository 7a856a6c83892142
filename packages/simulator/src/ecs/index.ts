export type { Scenario } from './model.js';
export { TIMING } from './scheduler-model.js';
export {
  EcsSimulator,
  type EcsSimulatorOptions,
  type ScenarioOptions,
  type SeedServiceInput,
} from './simulator.js';
