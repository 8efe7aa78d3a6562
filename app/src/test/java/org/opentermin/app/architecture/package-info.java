/** Architecture tests: the module and package rules of OpenTermin, checked with ArchUnit. */
package org.opentermin.app.architecture;
