/** `shipgate health`: not implemented yet. Its owner replaces this file. */
import type { CliCommand } from '../command.js';
import { NotAvailableError } from '../../errors.js';

export const command: CliCommand = {
  name: 'health',
  summary: 'Not available yet.',
  usage: '  shipgate health',
  options: {},
  allowPositionals: true,
  async run() {
    throw new NotAvailableError('`shipgate health`');
  },
};
