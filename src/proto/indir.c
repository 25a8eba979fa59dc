// SPDX-License-Identifier: GPL-2.0
/*
 * RSS indirection table helpers.
 */
#include "hvn_indir.h"

/**
 * hvn_indir_num_channels() - number of channels to open
 * @requested: channels wanted (0: HVN_DEFAULT_CHANNELS)
 * @online_cpus: online CPUs
 * @host_queues: receive queues the host offers (0 or 1: no RSS)
 *
 * Return: min(HVN_MAX_CHANNELS, @requested, @online_cpus, @host_queues),
 * at least 1.
 */
u32 hvn_indir_num_channels(u32 requested, u32 online_cpus, u32 host_queues)
{
	u32 n = requested ? requested : HVN_DEFAULT_CHANNELS;

	n = min_t(u32, n, HVN_MAX_CHANNELS);
	n = min_t(u32, n, online_cpus);
	n = min_t(u32, n, host_queues);
	return n ? n : 1;
}

/**
 * hvn_indir_fill_default() - spread @n entries round-robin over channels
 * @tab: table to fill
 * @n: number of entries
 * @nchan: number of channels (0 is treated as 1)
 */
void hvn_indir_fill_default(u32 *tab, u32 n, u32 nchan)
{
	u32 i;

	if (!nchan)
		nchan = 1;
	for (i = 0; i < n; i++)
		tab[i] = i % nchan;
}

/**
 * hvn_indir_fill_weights() - spread @n entries over channels by weight
 * @tab: table to fill
 * @n: number of entries, at most HVN_RSS_ITAB_MAX
 * @weights: relative weight of each channel (0: channel gets no entry)
 * @nw: number of channels, 1..HVN_MAX_CHANNELS
 *
 * Channel j gets about @n * @weights[j] / sum(@weights) consecutive entries.
 *
 * Return: 0, or -EINVAL for bad sizes or all weights zero.
 */
int hvn_indir_fill_weights(u32 *tab, u32 n, const u32 *weights, u32 nw)
{
	u64 sum = 0, partial;
	u32 i, j;

	if (!nw || nw > HVN_MAX_CHANNELS || n > HVN_RSS_ITAB_MAX)
		return -EINVAL;
	for (j = 0; j < nw; j++)
		sum += weights[j];
	if (!sum)
		return -EINVAL;

	j = 0;
	partial = weights[0];
	for (i = 0; i < n; i++) {
		/* entry i belongs to the first channel whose share covers it */
		while ((u64)i * sum >= (u64)n * partial) {
			j++;
			partial += weights[j];
		}
		tab[i] = j;
	}
	return 0;
}

/**
 * hvn_indir_check() - validate a user-supplied receive table
 * @tab: table
 * @n: number of entries
 * @nchan: number of open channels
 *
 * Return: 0 if every entry names an open channel, else -EINVAL.
 */
int hvn_indir_check(const u32 *tab, u32 n, u32 nchan)
{
	u32 i;

	for (i = 0; i < n; i++)
		if (tab[i] >= nchan)
			return -EINVAL;
	return 0;
}

/**
 * hvn_indir_send_queue() - transmit queue for a flow hash
 * @table: send table from hvn_nvsp_parse_send_table() (host values)
 * @hash: flow hash
 * @nqueues: number of transmit queues in use
 *
 * Return: the table entry for @hash reduced to a valid queue index
 * (0 when @nqueues is 0).
 */
u32 hvn_indir_send_queue(const u32 table[HVN_NVSP_SEND_TABLE_SIZE],
			 u32 hash, u32 nqueues)
{
	u32 q = table[hash & (HVN_NVSP_SEND_TABLE_SIZE - 1)];

	if (!nqueues)
		return 0;
	return q < nqueues ? q : q % nqueues;
}
