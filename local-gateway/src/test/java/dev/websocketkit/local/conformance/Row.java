// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.conformance;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.provider.ArgumentsSource;
import org.junit.jupiter.params.support.AnnotationConsumer;
import org.junit.jupiter.params.support.ParameterDeclarations;

/**
 * A row of the conformance suite: one documented behaviour, run once with each client kind of the
 * class's {@link Clients} that has all of these capabilities (none: every kind), the kind being the
 * method's first parameter. Reports name each run after the method and the kind.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "{0}")
@ArgumentsSource(Row.Provider.class)
public @interface Row {

    Capability[] value() default {};

    /** Gives the row the kinds that can run it. */
    final class Provider implements ArgumentsProvider, AnnotationConsumer<Row> {

        private Capability[] needed;

        @Override
        public void accept(Row row) {
            this.needed = row.value();
        }

        @Override
        public Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters, ExtensionContext context) {
            return Clients.that(context, needed).map(Arguments::of);
        }
    }
}
