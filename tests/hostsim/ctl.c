// SPDX-License-Identifier: GPL-2.0
/*
 * hvn_hostsim control and observation: debugfs hvn_hostsim/nicN/
 *   status      profile, link, versions, buffers, per-channel counters
 *   violations  count, then the last reasons (newest last)
 *   history     the recent protocol messages, oldest first
 *   link        write 0/1: link down/up indication from the host
 *   offer       write 0: rescind (hot remove); 1: offer again
 *   inject      write a fault name: a malformed guest message (inject.c)
 *   delay_comp  write <ms>: hold the completions of guest sends that long
 *   stall       write <ms>: stop draining the guest -> host rings that long
 *   vf          write "1 <serial>": offer a VF; "0": withdraw it
 *   vf_port     write a netdev name (writer's namespace): the VF's link
 *               partner, the VF's port on the switch; empty: release it
 */
#include <linux/module.h>
#include <linux/seq_file.h>
#include <linux/uaccess.h>
#include <linux/kstrtox.h>
#include "hostsim.h"

static struct dentry *hs_dbg_root;

static int hs_status_show(struct seq_file *m, void *v)
{
	struct hs_dev *d = m->private;
	struct hs_ctr c;
	u32 umax;
	int i;

	mutex_lock(&d->lock);
	seq_printf(m, "profile %s\n", d->prof->name);
	seq_printf(m, "vmbus_version %u.%u\n", hs_vmbus_version >> 16,
		   hs_vmbus_version & 0xffff);
	seq_printf(m, "offered %d\n", d->hv ? 1 : 0);
	seq_printf(m, "link %s\n", d->link_up ? "up" : "down");
	seq_printf(m, "mac %pM\n", d->mac);
	seq_printf(m, "violations %lld\n", atomic64_read(&d->violations));
	hs_nvsp_show(m, d);
	hs_vf_port_show(m, d);
	hs_rndis_show(m, d);
	/* event counters: closed channels plus open ones */
	memcpy(&c, &d->gone, sizeof(c));
	umax = d->g2h_used_max;
	spin_lock_bh(&d->chan_lock);
	for (i = 0; i < HS_MAX_CHANNELS; i++) {
		struct hs_chan *hc = d->chan[i];

		if (!hc)
			continue;
		hs_ctr_add(&c, &hc->ctr);
		umax = max(umax, hc->g2h_used_max);
	}
	spin_unlock_bh(&d->chan_lock);
	seq_printf(m, "rsc_packets %llu\n", c.rsc_pkts);
	seq_printf(m, "rsc_segments %llu\n", c.rsc_segs);
	seq_printf(m, "rsc_chains %llu\n", c.rsc_chains);
	seq_printf(m, "tx_partial_copy %llu\n", c.partial_copy);
	seq_printf(m, "rx_csum_ppi %llu\n", c.csum_ppi);
	seq_printf(m, "rx_csum_tcp_ok %llu\n", c.csum_tcp);
	seq_printf(m, "rx_csum_udp_ok %llu\n", c.csum_udp);
	seq_printf(m, "rx_csum_ip_ok %llu\n", c.csum_ip);
	seq_printf(m, "rx_csum_failed %llu\n", c.csum_bad);
	seq_printf(m, "rx_hash_ppi %llu\n", c.hash_ppi);
	seq_printf(m, "delay_comp %u\n", READ_ONCE(d->delay_comp_ms));
	seq_printf(m, "comp_held %llu\n", c.comp_held);
	seq_printf(m, "stall %u\n", d->stall_ms);
	seq_printf(m, "stalls %llu\n", d->stalls);
	seq_printf(m, "stall_deferred %llu\n", c.stall_defer);
	seq_printf(m, "g2h_full %llu\n", c.g2h_full);
	seq_printf(m, "g2h_used_max %u\n", umax);
	seq_printf(m, "g2h_ring_size %u\n", d->chan[0] ? d->chan[0]->g2h_size : 0);
	for (i = 0; i < HS_MAX_CHANNELS; i++) {
		struct hs_chan *hc = d->chan[i];

		if (!hc)
			continue;
		seq_printf(m, "chan %d cpu %u g2h %llu h2g %llu irq %llu tx %llu/%llu rx %llu/%llu rx_drop %llu ring_full %llu\n",
			   i, hc->ch->target_cpu, hc->g2h_pkts, hc->h2g_pkts,
			   hc->interrupts, hc->tx_frames, hc->tx_bytes,
			   hc->rx_frames, hc->rx_bytes, hc->rx_drops, hc->ring_full);
	}
	mutex_unlock(&d->lock);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(hs_status);

static int hs_viol_show(struct seq_file *m, void *v)
{
	struct hs_dev *d = m->private;
	u32 n = ARRAY_SIZE(d->viol_last), i;
	unsigned long flags;

	seq_printf(m, "%lld\n", atomic64_read(&d->violations));
	spin_lock_irqsave(&d->hist_lock, flags);
	for (i = d->viol_pos > n ? d->viol_pos - n : 0; i < d->viol_pos; i++)
		seq_printf(m, "%s\n", d->viol_last[i % n]);
	spin_unlock_irqrestore(&d->hist_lock, flags);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(hs_viol);

static int hs_hist_show(struct seq_file *m, void *v)
{
	struct hs_dev *d = m->private;
	unsigned long flags;
	u32 i;

	spin_lock_irqsave(&d->hist_lock, flags);
	for (i = d->hist_pos > HS_HIST ? d->hist_pos - HS_HIST : 0;
	     i < d->hist_pos; i++)
		seq_printf(m, "%s\n", d->hist[i % HS_HIST]);
	spin_unlock_irqrestore(&d->hist_lock, flags);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(hs_hist);

static ssize_t hs_link_write(struct file *f, const char __user *ubuf,
			     size_t len, loff_t *pos)
{
	struct hs_dev *d = file_inode(f)->i_private;
	bool up;
	int err = kstrtobool_from_user(ubuf, len, &up);

	if (err)
		return err;
	mutex_lock(&d->lock);
	hs_rndis_link_change(d, up);
	mutex_unlock(&d->lock);
	return len;
}

static const struct file_operations hs_link_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.write = hs_link_write,
};

static ssize_t hs_offer_write(struct file *f, const char __user *ubuf,
			      size_t len, loff_t *pos)
{
	struct hs_dev *d = file_inode(f)->i_private;
	bool on;
	int err = kstrtobool_from_user(ubuf, len, &on);

	if (err)
		return err;
	if (on && !d->hv)
		err = hs_dev_offer(d);
	else if (!on && d->hv)
		hs_dev_rescind(d);
	return err ? err : len;
}

static const struct file_operations hs_offer_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.write = hs_offer_write,
};

static ssize_t hs_delay_comp_write(struct file *f, const char __user *ubuf,
				   size_t len, loff_t *pos)
{
	struct hs_dev *d = file_inode(f)->i_private;
	u32 ms;
	int err = kstrtou32_from_user(ubuf, len, 0, &ms), i;

	if (err)
		return err;
	if (ms > 10000)
		return -ERANGE;
	WRITE_ONCE(d->delay_comp_ms, ms);
	hs_hist(d, "delay_comp %u ms", ms);
	if (!ms) {
		/* what is held goes out now */
		spin_lock_bh(&d->chan_lock);
		for (i = 0; i < HS_MAX_CHANNELS; i++)
			if (d->chan[i])
				mod_delayed_work(hs_wq, &d->chan[i]->held_work, 0);
		spin_unlock_bh(&d->chan_lock);
	}
	return len;
}

static const struct file_operations hs_delay_comp_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.write = hs_delay_comp_write,
};

static ssize_t hs_stall_write(struct file *f, const char __user *ubuf,
			      size_t len, loff_t *pos)
{
	struct hs_dev *d = file_inode(f)->i_private;
	u32 ms;
	int err = kstrtou32_from_user(ubuf, len, 0, &ms);

	if (err)
		return err;
	if (ms > 10000)
		return -ERANGE;
	mutex_lock(&d->lock);
	hs_stall(d, ms);
	mutex_unlock(&d->lock);
	return len;
}

static const struct file_operations hs_stall_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.write = hs_stall_write,
};

static ssize_t hs_vf_write(struct file *f, const char __user *ubuf,
			   size_t len, loff_t *pos)
{
	struct hs_dev *d = file_inode(f)->i_private;
	u32 on, serial = 0;
	char buf[32];
	int err, n;

	if (!len || len >= sizeof(buf))
		return -EINVAL;
	if (copy_from_user(buf, ubuf, len))
		return -EFAULT;
	buf[len] = 0;
	n = sscanf(buf, "%u %u", &on, &serial);
	if (n < 1 || on > 1 || (on && n != 2))
		return -EINVAL;
	mutex_lock(&d->lock);
	err = hs_nvsp_send_vf(d, on, serial);
	/*
	 * Assigned (or taken away) also while no guest driver is connected:
	 * the next session gets the offer once its buffers are set up.
	 */
	if (!err || err == -ENODEV) {
		d->vf_assigned = on;
		if (on)
			d->vf_assigned_serial = serial;
		err = 0;
	}
	mutex_unlock(&d->lock);
	return err ? err : len;
}

static const struct file_operations hs_vf_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.write = hs_vf_write,
};

static ssize_t hs_vf_port_write(struct file *f, const char __user *ubuf,
				size_t len, loff_t *pos)
{
	struct hs_dev *d = file_inode(f)->i_private;
	char name[IFNAMSIZ];
	int err;

	if (len >= sizeof(name))
		return -EINVAL;
	if (copy_from_user(name, ubuf, len))
		return -EFAULT;
	name[len] = 0;
	err = hs_vf_port_set(d, strim(name));
	return err ? err : len;
}

static const struct file_operations hs_vf_port_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.write = hs_vf_port_write,
};

int hs_ctl_add_dev(struct hs_dev *d)
{
	char name[16];

	snprintf(name, sizeof(name), "nic%d", d->id);
	d->dbg = debugfs_create_dir(name, hs_dbg_root);
	debugfs_create_file("status", 0444, d->dbg, d, &hs_status_fops);
	debugfs_create_file("violations", 0444, d->dbg, d, &hs_viol_fops);
	debugfs_create_file("history", 0444, d->dbg, d, &hs_hist_fops);
	debugfs_create_file("link", 0200, d->dbg, d, &hs_link_fops);
	debugfs_create_file("offer", 0200, d->dbg, d, &hs_offer_fops);
	debugfs_create_file("inject", 0200, d->dbg, d, &hs_inject_fops);
	debugfs_create_file("delay_comp", 0200, d->dbg, d, &hs_delay_comp_fops);
	debugfs_create_file("stall", 0200, d->dbg, d, &hs_stall_fops);
	debugfs_create_file("vf", 0200, d->dbg, d, &hs_vf_fops);
	debugfs_create_file("vf_port", 0200, d->dbg, d, &hs_vf_port_fops);
	return 0;
}

void hs_ctl_del_dev(struct hs_dev *d)
{
	debugfs_remove_recursive(d->dbg);
	d->dbg = NULL;
}

int hs_ctl_init(void)
{
	hs_dbg_root = debugfs_create_dir("hvn_hostsim", NULL);
	return 0;
}

void hs_ctl_exit(void)
{
	debugfs_remove_recursive(hs_dbg_root);
}
