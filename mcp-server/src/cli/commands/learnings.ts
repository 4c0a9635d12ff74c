/** `shipgate learnings`: not implemented yet. Its owner replaces this file. */
import type { CliCommand } from '../command.js';
import { NotAvailableError } from '../../errors.js';

export const command: CliCommand = {
  name: 'learnings',
  summary: 'Not available yet.',
  usage: '  shipgate learnings',
  options: {},
  allowPositionals: true,
  async run() {
    throw new NotAvailableError('`shipgate learnings`');
  },
};
