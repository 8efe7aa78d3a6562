package org.opentermin.http.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** An RFC 9457 problem document as sent; {@code errors} only when fields are to blame. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record ProblemDocument(
    String type, String title, int status, String detail, List<ApiProblem.FieldError> errors) {}
