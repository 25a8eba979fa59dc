// SPDX-License-Identifier: GPL-2.0
/*
 * rawsend: send one Ethernet frame, given in hex, through an AF_PACKET
 * socket, the way packet generators and some DHCP clients send.  Used by
 * the e2e scenarios for frames the stack would never build itself (an
 * 802.1Q tag inside the data).
 *
 *   rawsend <ifname> <hex bytes>
 */
#include <arpa/inet.h>
#include <linux/if_packet.h>
#include <net/if.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	unsigned char frame[2048];
	struct sockaddr_ll sll;
	size_t n = 0, i, len;
	unsigned int b;
	int fd;

	if (argc != 3) {
		fprintf(stderr, "usage: rawsend <ifname> <hex>\n");
		return 2;
	}
	len = strlen(argv[2]);
	for (i = 0; i + 1 < len && n < sizeof(frame); i += 2) {
		if (sscanf(argv[2] + i, "%2x", &b) != 1)
			break;
		frame[n++] = (unsigned char)b;
	}
	memset(&sll, 0, sizeof(sll));
	sll.sll_family = AF_PACKET;
	sll.sll_ifindex = (int)if_nametoindex(argv[1]);
	sll.sll_halen = 6;
	memcpy(sll.sll_addr, frame, 6);
	if (!sll.sll_ifindex) {
		perror(argv[1]);
		return 1;
	}
	fd = socket(AF_PACKET, SOCK_RAW, htons(0x8100));
	if (fd < 0 || sendto(fd, frame, n, 0, (struct sockaddr *)&sll,
			     sizeof(sll)) != (ssize_t)n) {
		perror("rawsend");
		return 1;
	}
	close(fd);
	return 0;
}
