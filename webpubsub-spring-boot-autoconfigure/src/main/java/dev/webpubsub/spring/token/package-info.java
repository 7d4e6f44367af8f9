/**
 * Access tokens: HS256 JSON Web Tokens signed with an access key, and client access URLs.
 */
@NullMarked
package dev.webpubsub.spring.token;

import org.jspecify.annotations.NullMarked;
