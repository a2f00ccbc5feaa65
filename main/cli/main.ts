import { runCli } from './aklm';
import { internalErrorLine } from './internal-error';

/** The `aklm` executable. A closed pipe (`aklm verify --batch … | head`) ends it quietly. */
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

runCli(process.argv.slice(2), process).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(internalErrorLine(error, process.argv.slice(2), process.env));
    process.exitCode = 70;
  },
);
