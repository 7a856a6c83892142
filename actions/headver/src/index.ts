import {
  InputReader,
  log,
  markdownCode,
  markdownTable,
  runAction,
  setOutputs,
  systemClock,
  writeSummary,
} from '@ecs-actions/core';
import { readHeadverInputs } from './inputs.js';
import { computeHeadver } from './main.js';

await runAction({
  async main() {
    const inputs = readHeadverInputs(new InputReader());
    const result = await computeHeadver(inputs, {
      clock: systemClock,
      workspace: process.env.GITHUB_WORKSPACE ?? process.cwd(),
    });
    if (result.warning) log.warning(result.warning);
    setOutputs({
      version: result.version,
      head: result.head,
      yearweek: result.yearweek,
      build: result.build,
      suffix: result.suffix,
      'image-tag': result.imageTag,
      json: {
        version: result.version,
        head: result.head,
        yearweek: result.yearweek,
        build: result.build,
        suffix: result.suffix,
        'image-tag': result.imageTag,
      },
    });
    log.notice(`HeadVer ${result.version}`, { title: 'Version' });
    writeSummary(
      [
        `### HeadVer ${markdownCode(result.version)}`,
        '',
        markdownTable(
          ['Part', 'Value', 'From'],
          [
            ['head', markdownCode(String(result.head)), result.sources.head],
            ['yearweek', markdownCode(result.yearweek), result.sources.yearweek],
            ['build', markdownCode(String(result.build)), result.sources.build],
            ['suffix', result.suffix ? markdownCode(result.suffix) : '(none)', 'input suffix'],
            ['image tag', markdownCode(result.imageTag), 'version with "+" as "-"'],
          ],
        ),
      ].join('\n'),
    );
  },
});
