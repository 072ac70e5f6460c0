/**
 * `ndimage completion bash|zsh|fish`: shell completion scripts generated from the commander
 * definitions (commands, their flags, and the values of flags with fixed choices), so they never
 * fall out of step with the commands. commander has no completion of its own; the scripts are
 * short enough to generate here rather than add a dependency.
 */
import type { Command } from 'commander';

interface Spec {
  name: string;
  description: string;
  flags: { long: string; description: string; takesValue: boolean; choices?: readonly string[] }[];
}

function specs(program: Command): Spec[] {
  return program.commands.map((c) => ({
    name: c.name(),
    description: c.description(),
    flags: c.options
      .filter((o) => o.long !== undefined)
      .map((o) => ({
        long: o.long as string,
        description: o.description,
        takesValue: o.required || o.optional,
        choices: o.argChoices,
      }))
      .concat([{ long: '--help', description: 'help for this command', takesValue: false, choices: undefined }]),
  }));
}

const quote = (s: string): string => `'${s.replaceAll("'", "'\\''")}'`;

function bash(program: Command): string {
  const cmds = specs(program);
  const cases = cmds
    .map((c) => {
      const choices = c.flags
        .filter((f) => f.choices !== undefined)
        .map(
          (f) =>
            `        ${f.long}) COMPREPLY=($(compgen -W ${quote((f.choices ?? []).join(' '))} -- "$cur")); return ;;`,
        )
        .join('\n');
      return `    ${c.name})\n      opts=${quote(c.flags.map((f) => f.long).join(' '))}\n      case "$prev" in\n${choices}\n      esac ;;`;
    })
    .join('\n');
  return `# ndimage completion for bash: add to ~/.bashrc
#   source <(ndimage completion bash)
_ndimage() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" opts=""
  if [[ $COMP_CWORD -eq 1 ]]; then
    COMPREPLY=($(compgen -W ${quote(`${cmds.map((c) => c.name).join(' ')} --help --version`)} -- "$cur"))
    return
  fi
  case "\${COMP_WORDS[1]}" in
${cases}
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
  else
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
}
complete -o filenames -o bashdefault -F _ndimage ndimage
`;
}

function zsh(program: Command): string {
  // zsh runs bash completion functions through bashcompinit, which keeps one script to maintain.
  return `# ndimage completion for zsh: add to ~/.zshrc
#   source <(ndimage completion zsh)
autoload -U +X compinit && compinit
autoload -U +X bashcompinit && bashcompinit
${bash(program).split('\n').slice(2).join('\n')}`;
}

function fish(program: Command): string {
  const lines = ['# ndimage completion for fish: ndimage completion fish > ~/.config/fish/completions/ndimage.fish'];
  for (const c of specs(program)) {
    lines.push(`complete -c ndimage -n __fish_use_subcommand -f -a ${c.name} -d ${quote(c.description)}`);
    for (const f of c.flags) {
      const values = f.choices === undefined ? (f.takesValue ? ' -r' : '') : ` -x -a ${quote(f.choices.join(' '))}`;
      lines.push(
        `complete -c ndimage -n ${quote(`__fish_seen_subcommand_from ${c.name}`)} -l ${f.long.slice(2)}${values} -d ${quote(f.description)}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The completion script of `shell` for `program`'s commands. */
export function completionScript(program: Command, shell: 'bash' | 'zsh' | 'fish'): string {
  return shell === 'bash' ? bash(program) : shell === 'zsh' ? zsh(program) : fish(program);
}
