package vn.luutru.site;

import java.time.OffsetDateTime;

/** A link to an article with its date, for lists of related articles and congress reports. */
public record ArticleRef(String title, String path, OffsetDateTime date) {}
