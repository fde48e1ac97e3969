/**
 * Writes the site: into a temporary folder beside the output, swapped in only when the whole build
 * succeeded, so a failed build leaves the previous site exactly as it was. Refuses to replace a
 * folder that luutru did not write.
 */
package vn.luutru.output;
