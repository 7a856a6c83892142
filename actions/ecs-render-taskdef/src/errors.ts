import { type AnnotationProperties, ConfigurationError } from '@ecs-actions/core';

/**
 * A ConfigurationError that points at a place in a file (e.g. a JSON syntax error): the entry fails the step once
 * with an error annotation at that place, instead of a plain one.
 */
export class FileConfigurationError extends ConfigurationError {
  constructor(
    message: string,
    readonly annotation: AnnotationProperties & { file: string },
  ) {
    super(message);
  }
}
