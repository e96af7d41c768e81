import { useMutation, type UseMutationOptions } from '@tanstack/react-query';
import { useOperationId } from './useOperationId';

type CommandMutationOptions<TVars, TResult> = Omit<UseMutationOptions<TResult, Error, TVars>, 'mutationFn' | 'onSettled'>;

/**
 * A store command as a react-query mutation with its operation id managed:
 * every attempt carries one id, a repeat while it runs is ignored, and the
 * next attempt after it settles gets a fresh id (see useOperationId).
 */
export function useCommandMutation<TVars = void, TResult = unknown>(
  command: (vars: TVars, opId: string) => Promise<TResult>,
  options: CommandMutationOptions<TVars, TResult> = {},
) {
  const operation = useOperationId();
  const mutation = useMutation({
    ...options,
    mutationFn: (vars: TVars) => command(vars, operation.current()),
    onSettled: () => operation.settle(),
  });
  const submit = (vars: TVars) => {
    if (!mutation.isPending) mutation.mutate(vars);
  };
  return { ...mutation, submit };
}
