/**
 * `pnpm simulator [--port N] [--time-scale N] [--demo]`: starts the simulator on 127.0.0.1 and prints the
 * endpoints and `export` lines. Seeds nothing unless `--demo` is given (then: cluster `demo`, service `web`
 * running a healthy nginx-like task definition, ECR repository `web`, GitHub repository `octo-org/octo-app`).
 * Runs until SIGINT/SIGTERM.
 */
import { parseArgs } from 'node:util';
import { startSimulator } from './index.js';

const usage = 'usage: pnpm simulator [--port N] [--time-scale N] [--demo]';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'time-scale': { type: 'string' },
      demo: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  const timeScale = values['time-scale'] === undefined ? 1 : Number(values['time-scale']);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0-65535. ${usage}`);
  if (!(timeScale > 0)) throw new Error(`--time-scale must be a positive number. ${usage}`);

  const sim = await startSimulator({ port, timeScale });
  if (values.demo) {
    const accountId = '123456789012';
    sim.ecr.seedRepository({ repositoryName: 'web' });
    sim.ecs.seedService({
      cluster: 'demo',
      serviceName: 'web',
      desiredCount: 2,
      deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true } },
      loadBalancers: [
        {
          targetGroupArn: `arn:aws:elasticloadbalancing:us-east-1:${accountId}:targetgroup/web/6d0ecf831eec9f09`,
          containerName: 'web',
          containerPort: 8080,
        },
      ],
      taskDefinition: {
        family: 'web',
        networkMode: 'awsvpc',
        requiresCompatibilities: ['FARGATE'],
        cpu: '256',
        memory: '512',
        containerDefinitions: [
          {
            name: 'web',
            image: `${accountId}.dkr.ecr.us-east-1.amazonaws.com/web:0.2541.1`,
            portMappings: [{ containerPort: 8080 }],
          },
        ],
      },
    });
    sim.github.seedRepository({ owner: 'octo-org', repo: 'octo-app', commits: ['a'.repeat(40)] });
  }
  console.log(`ECS/ECR simulator (AWS JSON 1.1): ${sim.url}`);
  console.log(`GitHub REST simulator:           ${sim.url}`);
  console.log(
    `time scale: ${timeScale} simulated ms per real ms; seeded: ${values.demo ? 'demo cluster "demo", service "web", ECR repository "web", GitHub repository octo-org/octo-app' : 'nothing'}`,
  );
  console.log('');
  for (const [name, value] of Object.entries(sim.env)) console.log(`export ${name}=${value}`);
  console.log('');
  console.log('Ctrl-C to stop.');
  const stop = () => {
    sim.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
