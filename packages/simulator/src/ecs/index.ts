export type { Scenario } from './model.js';
export { TIMING } from './scheduler.js';
export {
  EcsSimulator,
  type EcsSimulatorOptions,
  type ScenarioOptions,
  type SeedServiceInput,
} from './simulator.js';
