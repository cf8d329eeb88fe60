package dev.sightline.app.ship;

/**
 * Shipping state of one input, for the progress display and the summary.
 *
 * @param name       the input as given
 * @param offset     byte offset of the next line to send
 * @param size       current file size, or -1 for a stream
 * @param linesSent  lines sent in this run
 * @param bytesSent  value bytes sent in this run
 * @param oversized  lines not sent because they exceed the size limit
 * @param recovered  lines not sent again because the topic already had them (sent before a crash)
 * @param resumedAt  offset this run started from (0 unless resumed)
 */
public record FileStatus(String name, long offset, long size, long linesSent, long bytesSent, long oversized,
                         long recovered, long resumedAt) {
}
