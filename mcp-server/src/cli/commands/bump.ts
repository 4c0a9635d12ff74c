/** `shipgate bump`: not implemented yet. Its owner replaces this file. */
import type { CliCommand } from '../command.js';
import { NotAvailableError } from '../../errors.js';

export const command: CliCommand = {
  name: 'bump',
  summary: 'Not available yet.',
  usage: '  shipgate bump',
  options: {},
  allowPositionals: true,
  async run() {
    throw new NotAvailableError('`shipgate bump`');
  },
};
