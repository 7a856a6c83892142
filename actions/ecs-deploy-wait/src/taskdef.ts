// The rendered task definition (reading, comparing, naming) lives in core, shared with ecs-run-task.
export {
  imagesOf,
  imageVersion,
  normalizeTaskDefinition,
  type RenderedTaskDefinition,
  sameTaskDefinition,
  shortTaskDefinition,
  toRegisterRequest,
} from '@ecs-actions/core/ecs';
