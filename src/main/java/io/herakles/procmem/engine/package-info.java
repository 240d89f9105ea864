/** The sampling loop: tiers and cadences, collect, classify, aggregate, publish; last good snapshot; self-statistics. May import {@code collect}, {@code classify}, {@code model}, {@code config}. */
package io.herakles.procmem.engine;
