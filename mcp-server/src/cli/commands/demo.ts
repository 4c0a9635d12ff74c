/** `shipgate demo`: not implemented yet. Its owner replaces this file. */
import type { CliCommand } from '../command.js';
import { NotAvailableError } from '../../errors.js';

export const command: CliCommand = {
  name: 'demo',
  summary: 'Not available yet.',
  usage: '  shipgate demo',
  options: {},
  allowPositionals: true,
  async run() {
    throw new NotAvailableError('`shipgate demo`');
  },
};
