// SPDX-License-Identifier: GPL-2.0
/*
 * hvn_hostsim fault injection, guest side: debugfs nicN/inject sends a
 * malformed message through the guest's own VMBus API on the primary
 * channel, as a buggy driver would.  The host must reject and count it; the
 * e2e "strict" scenario checks that it does and that the NIC keeps working.
 *
 *   echo <name> > inject      names: short, unknown, type, section, rndis,
 *                                    vfswitch
 */
#include <linux/module.h>
#include <linux/uaccess.h>
#include <hvn/nvsp.h>
#include "hostsim.h"

static int hs_inject_one(struct hs_dev *d, const char *what)
{
	struct vmbus_channel *ch = d->hv ? d->hv->channel : NULL;
	struct hvn_nvsp_msg m = {};
	u8 tiny[8] = { 1, 0 };

	if (!ch || !hs_chan_of(ch))
		return -ENODEV;
	if (!strcmp(what, "short"))	/* shorter than an NVSP header */
		return hs_api_sendpacket(ch, tiny, 2, 0, VM_PKT_DATA_INBAND, 0);
	if (!strcmp(what, "unknown")) {	/* a message type no host knows */
		m.hdr.msg_type = 999;
		return hs_api_sendpacket(ch, &m, sizeof(m), 0, VM_PKT_DATA_INBAND, 0);
	}
	if (!strcmp(what, "type"))	/* a VMBus packet type netvsc never uses */
		return hs_api_sendpacket(ch, &m, sizeof(m), 0,
					 VM_PKT_DATA_USING_GPADL, 0);
	if (!strcmp(what, "section")) {	/* a send section past the buffer */
		m.hdr.msg_type = HVN_NVSP_MSG1_SEND_RNDIS_PKT;
		m.msg.send_rndis_pkt.channel_type = HVN_NVSP_CHANNEL_DATA;
		m.msg.send_rndis_pkt.send_buf_section_index = 0x7fffffff;
		m.msg.send_rndis_pkt.send_buf_section_size = 64;
		return hs_api_sendpacket(ch, &m, sizeof(m), 0, VM_PKT_DATA_INBAND, 0);
	}
	if (!strcmp(what, "rndis")) {	/* an RNDIS header longer than its data */
		u8 *sec;

		if (!d->sbuf)
			return -ENODEV;
		/* the last send section, which the driver rarely uses */
		sec = d->sbuf + (d->sbuf_size / d->sbuf_sect_size - 1) * d->sbuf_sect_size;
		put_unaligned_le32(1, sec);		/* PACKET */
		put_unaligned_le32(60000, sec + 4);	/* msg_len */
		m.hdr.msg_type = HVN_NVSP_MSG1_SEND_RNDIS_PKT;
		m.msg.send_rndis_pkt.channel_type = HVN_NVSP_CHANNEL_DATA;
		m.msg.send_rndis_pkt.send_buf_section_index =
			d->sbuf_size / d->sbuf_sect_size - 1;
		m.msg.send_rndis_pkt.send_buf_section_size = 44;
		return hs_api_sendpacket(ch, &m, sizeof(m), 0, VM_PKT_DATA_INBAND, 0);
	}
	if (!strcmp(what, "vfswitch")) {	/* data path to a VF never offered */
		if (d->vf_allocated)
			return -EBUSY;
		m.hdr.msg_type = HVN_NVSP_MSG4_SWITCH_DATA_PATH;
		m.msg.switch_data_path.active_datapath = HVN_NVSP_DATAPATH_VF;
		return hs_api_sendpacket(ch, &m, sizeof(m), 0, VM_PKT_DATA_INBAND, 0);
	}
	return -EINVAL;
}

static ssize_t hs_inject_write(struct file *f, const char __user *ubuf,
			       size_t len, loff_t *pos)
{
	struct hs_dev *d = file_inode(f)->i_private;
	char buf[32];
	int err;

	if (len >= sizeof(buf))
		return -EINVAL;
	if (copy_from_user(buf, ubuf, len))
		return -EFAULT;
	buf[len] = 0;
	strim(buf);
	mutex_lock(&d->lock);
	err = hs_inject_one(d, buf);
	mutex_unlock(&d->lock);
	if (!err && d->hv)
		flush_work(&hs_chan_of(d->hv->channel)->g2h_work);
	return err ? err : len;
}

const struct file_operations hs_inject_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.write = hs_inject_write,
};
