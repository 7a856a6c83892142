/** on-pause's values (read with the inputs, before the AWS SDK loads: no SDK import here). */
export const ON_PAUSE_MODES = ['return', 'wait', 'continue'] as const;
export type OnPauseMode = (typeof ON_PAUSE_MODES)[number];
