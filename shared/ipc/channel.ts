import { z } from 'zod';

/** A channel: a zod schema for what comes in, and (as a type only) what goes out. */
export interface Channel<Input extends z.ZodType, Output> {
  input: Input;
  /** Never read at run time: carries the output type. */
  output: Output;
}

export function channel<Output>() {
  return <Input extends z.ZodType>(input: Input): Channel<Input, Output> => ({
    input,
    output: undefined as Output,
  });
}

export const noInput = z.object({}).strict();
