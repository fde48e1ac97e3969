package vn.luutru.site;

/** A named page: the text of a link and the path it leads to. */
public record Link(String name, String path) {}
