/* SPDX-License-Identifier: BSD-2-Clause */
/* Subcommands of the `memblock` command: each gets argc/argv from its name. */
#ifndef MEMBLOCK_TOOLS_COMMANDS_H
#define MEMBLOCK_TOOLS_COMMANDS_H

/** cmd_boot - simulate a machine's boot (boot.c). Return: exit status. */
int cmd_boot(int argc, char **argv);
/** cmd_replay - re-run real kernel logs through the library (replay.c). */
int cmd_replay(int argc, char **argv);
/** cmd_report - memory summary of a log, DTB or machine (report.c). */
int cmd_report(int argc, char **argv);
/** cmd_map - draw physical memory as SVG/HTML (map.c). */
int cmd_map(int argc, char **argv);

#endif
